package dev.jyield.examples;

import dev.jyield.Generator;
import dev.jyield.GeneratorExit;
import java.util.ArrayList;
import java.util.List;

/**
 * A tour of Python's generator examples, each printed beside its Java form and what it yields.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package -Pdemo -DskipTests -Ddemo.main=dev.jyield.examples.Tour}.
 */
public final class Tour {
    private Tour() {}

    // def count_up_to(n):
    //     count = 1
    //     while count <= n:
    //         yield count
    //         count += 1
    static Generator<Integer> countUpTo(int n) {
        return Generator.of(y -> {
            int count = 1;
            while (count <= n) {
                y.yield(count);
                count++;
            }
        });
    }

    // def squares(n): yield from (x * x for x in range(n))
    static Generator<Integer> squares(int n) {
        return Generator.of(y -> {
            for (int x = 0; x < n; x++) {
                y.yield(x * x);
            }
        });
    }

    // def fibonacci():
    //     a, b = 0, 1
    //     while True:
    //         yield a
    //         a, b = b, a + b
    static Generator<Long> fibonacci() {
        return Generator.of(y -> {
            long a = 0;
            long b = 1;
            while (true) {
                y.yield(a);
                long next = a + b;
                a = b;
                b = next;
            }
        });
    }

    // def averager():
    //     total, count, average = 0.0, 0, None
    //     while True:
    //         value = yield average
    //         total += value; count += 1
    //         average = total / count
    static Generator<Double> averager() {
        return Generator.of(y -> {
            double total = 0;
            int count = 0;
            Double average = null;
            while (true) {
                Object value = y.yield(average);
                total += ((Number) value).doubleValue();
                count++;
                average = total / count;
            }
        });
    }

    // def read_lines(text): yield from text.splitlines()
    // def strip_comments(lines): for line in lines: if not line.startswith('#'): yield line
    // def to_ints(lines): for line in lines: yield int(line)
    static Generator<String> readLines(String text) {
        return Generator.of(y -> y.yieldFrom(List.of(text.split("\n"))));
    }

    static Generator<String> stripComments(Generator<String> lines) {
        return Generator.of(y -> {
            for (String line : lines) {
                if (!line.startsWith("#")) {
                    y.yield(line);
                }
            }
        });
    }

    static Generator<Integer> toInts(Generator<String> lines) {
        return Generator.of(y -> {
            for (String line : lines) {
                y.yield(Integer.parseInt(line.trim()));
            }
        });
    }

    // def worker(log):
    //     try:
    //         while True: yield 'working'
    //     finally:
    //         log.append('cleaned up')
    static Generator<String> worker(List<String> log) {
        return Generator.of(y -> {
            try {
                while (true) {
                    y.yield("working");
                }
            } finally {
                log.add("cleaned up");
            }
        });
    }

    public static void main(String[] args) {
        section("A generator function",
                "for num in count_up_to(5): print(num)",
                "for (int num : countUpTo(5)) System.out.println(num);");
        List<Integer> counted = new ArrayList<>();
        for (int num : countUpTo(5)) {
            counted.add(num);
        }
        result(counted);

        section("A generator expression",
                "list(x * x for x in range(10))",
                "squares(10).toList()");
        result(squares(10).toList());

        section("An infinite generator, cut with a limit",
                "[next(fib) for _ in range(10)]  # fib = fibonacci()",
                "Generator<Long> fib = fibonacci(); for (int i = 0; i < 10; i++) firstTen.add(fib.next());");
        Generator<Long> fib = fibonacci();
        List<Long> firstTen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            firstTen.add(fib.next());
        }
        fib.close();
        result(firstTen);

        section("A coroutine driven by send",
                "avg = averager(); next(avg); avg.send(10); avg.send(20); avg.send(60)",
                "Generator<Double> avg = averager(); avg.next(); avg.send(10); avg.send(20); avg.send(60);");
        Generator<Double> avg = averager();
        avg.next();
        List<Double> averages = List.of(avg.send(10), avg.send(20), avg.send(60));
        avg.close();
        result(averages);

        section("A pipeline of three generators",
                "sum(to_ints(strip_comments(read_lines(text))))",
                "toInts(stripComments(readLines(text))).reduce(0, Integer::sum)");
        String text = "# numbers\n1\n2\n# skip me\n3\n4";
        result(toInts(stripComments(readLines(text))).reduce(0, Integer::sum));

        section("close() runs the finally block",
                "w = worker(log); next(w); w.close(); log",
                "Generator<String> w = worker(log); w.next(); w.close(); log");
        List<String> log = new ArrayList<>();
        Generator<String> w = worker(log);
        w.next();
        w.close();
        result(log + "  (state " + w.state() + ")");

        section("try-with-resources closes it too",
                "with contextlib.closing(worker(log)) as w: next(w)",
                "try (Generator<String> w2 = worker(log2)) { w2.next(); }");
        List<String> log2 = new ArrayList<>();
        try (Generator<String> w2 = worker(log2)) {
            w2.next();
        }
        result(log2);

        section("throw() into a generator",
                "g.throw(ValueError('bad'))  # the body catches it and yields 'recovered'",
                "g.throwIn(new IllegalArgumentException(\"bad\"))");
        Generator<String> g = Generator.of(y -> {
            try {
                y.yield("waiting");
            } catch (IllegalArgumentException e) {
                y.yield("recovered from " + e.getMessage());
            }
        });
        g.next();
        result(g.throwIn(new IllegalArgumentException("bad")));

        section("yield from a sub-generator, with its return value",
                "def outer(): total = yield from inner(); yield f'inner returned {total}'",
                "Generator.of(y -> y.yield(\"inner returned \" + y.yieldFrom(inner())))");
        Generator<Object> outer = Generator.of(y -> y.yield("inner returned " + y.yieldFrom(inner())));
        result(outer.toList());

        section("GeneratorExit is not an Exception",
                "except Exception: does not catch GeneratorExit",
                "catch (Exception e) does not catch GeneratorExit (it extends Error)");
        result(GeneratorExit.class.getSuperclass().getSimpleName());
    }

    // def inner(): yield 1; yield 2; return 3
    static Generator<Object> inner() {
        return Generator.ofReturning(y -> {
            y.yield(1);
            y.yield(2);
            return 3;
        });
    }

    private static void section(String title, String python, String java) {
        System.out.println();
        System.out.println("== " + title);
        System.out.println("   Python: " + python);
        System.out.println("   Java:   " + java);
    }

    private static void result(Object value) {
        System.out.println("   -> " + value);
    }
}
