package dev.jyield;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's tour, compiled and checked: what it says each line gives is what it gives. */
class ReadmeExamplesTest {

    static Generator<Integer> countUpTo(int n) {
        return Generator.of(y -> {
            int count = 1;
            while (count <= n) {
                y.yield(count);
                count++;
            }
        });
    }

    @Test
    void countUpTo() {
        List<Integer> printed = new ArrayList<>();
        for (int num : countUpTo(5)) {
            printed.add(num);
        }
        assertThat(printed).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void generatorExpression() {
        // sum(x * x for x in range(10) if x % 2 == 0) -> 120
        long sum = Generator.range(10).filter(x -> x % 2 == 0).map(x -> x * x).sumLong(x -> x);
        assertThat(sum).isEqualTo(120);
    }

    @Test
    void aPipelineOverAFile(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("access.log");
        Files.writeString(log, """
                127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a.gif HTTP/1.0" 200 2326
                127.0.0.1 - - [10/Oct/2000:13:55:37 -0700] "GET /b.gif HTTP/1.0" 404 0
                127.0.0.1 - - [10/Oct/2000:13:55:38 -0700] "GET /c.gif HTTP/1.0" 200 10
                """);
        Map<String, Long> byStatus;
        try (Generator<String> lines = Generator.lines(log)) {
            byStatus = lines.map(l -> l.split(" ")[8])
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        }
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("200", 2L, "404", 1L));
    }

    @Test
    void aCoroutine() {
        Coroutine<Double, Double, Void> avg = Coroutine.of(y -> {
            double total = 0;
            int count = 0;
            Double average = null;
            while (true) {
                double value = y.yield(average);
                total += value;
                average = total / ++count;
            }
        });
        assertThat(avg.next()).isNull();
        assertThat(avg.send(10.0)).isEqualTo(10.0);
        assertThat(avg.send(20.0)).isEqualTo(15.0);
        avg.close();
        assertThat(avg.state()).isEqualTo(Generator.State.CLOSED);
    }
}
