#!/usr/bin/env python3
"""First use of many generator bodies in one JVM: the time of each body's first next(), by hundreds of bodies.

    python3 bench/later_bodies.py                    # 1,000 bodies in 5 classes
    python3 bench/later_bodies.py --bodies 300 --per-class 100
    python3 bench/later_bodies.py --jvm-args '-Xms2g -Xmx2g -XX:+AlwaysPreTouch'   # no heap growing meanwhile
    python3 bench/later_bodies.py --cpu              # the main thread's CPU time: steadier on a shared machine

FirstUseProbe times the first body and a second one; an application has tens or hundreds of bodies, and the
rewriter (ASM, run by the interpreter at first) gets faster as the JIT compiles it. This writes that many distinct
bodies (the shape of FirstUse.typical: a loop, a condition, a try/finally, a delegation; each with constants of its
own) into classes of their own, compiles them against the core jar, runs them once each in a fresh JVM, and prints
the median of the first next() over each window of bodies. The first body, which loads the engine, is reported
apart. A class holds at most about 200 such bodies (javac: "code too large" for its $deserializeLambda$). JAVA
(or --java) must be 21 or newer, with javac beside it; the jar is built by `mvn -pl core package -DskipTests`.
Python standard library only.
"""
import argparse
import glob
import os
import shlex
import subprocess
import sys

BODY = """    public static Generator<Object> b{k}(int n) {{
        return Generator.of(y -> {{
            try {{
                for (int i = 0; i < n; i++) {{
                    if (i % {m} == 0) {{
                        y.yield("even " + i);
                    }} else {{
                        y.yield(i + {k});
                    }}
                }}
                y.yieldFrom(List.of("a", "b"));
            }} finally {{
                check(n + {k});
            }}
        }});
    }}
"""

MAIN = """package later;

import dev.jyield.Generator;
import java.util.Arrays;
import java.util.function.IntFunction;

public final class Main {
    public static void main(String[] args) {
        IntFunction<?>[] bodies = {%s};
        int window = Integer.parseInt(args[0]);
        // why: the thread's CPU time moves less than the elapsed time on a shared machine; its bean is loaded
        // before the first body, which may then load a few classes fewer
        com.sun.management.ThreadMXBean cpu = args.length > 1
                ? (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean() : null;
        long[] ns = new long[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            Generator<?> g = (Generator<?>) bodies[i].apply(3);
            long t0 = cpu != null ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
            g.next();
            ns[i] = (cpu != null ? cpu.getCurrentThreadCpuTime() : System.nanoTime()) - t0;
        }
        String unit = cpu != null ? " CPU" : "";
        System.out.printf("body 1 (loads the engine): %%.1f ms%%s%%n", ns[0] / 1e6, unit);
        for (int from = 1; from < ns.length; from += window) {
            long[] w = Arrays.copyOfRange(ns, from, Math.min(from + window, ns.length));
            Arrays.sort(w);
            System.out.printf("bodies %%d-%%d: median %%.2f ms%%s, fastest %%.2f%%n", from + 1, from + w.length,
                    w[w.length / 2] / 1e6, unit, w[0] / 1e6);
        }
    }
}
"""


def write_sources(out, bodies, per_class):
    names = []
    for c in range((bodies + per_class - 1) // per_class):
        methods = []
        for k in range(c * per_class, min(bodies, (c + 1) * per_class)):
            methods.append(BODY.format(k=k, m=k % 7 + 2))
            names.append(f"H{c}::b{k}")
        with open(os.path.join(out, f"H{c}.java"), "w") as f:
            f.write("package later;\n\nimport dev.jyield.Generator;\nimport java.util.List;\n\n"
                    f"public final class H{c} {{\n    static void check(int n) {{\n"
                    "        if (n < 0) {\n            throw new IllegalStateException();\n        }\n    }\n\n"
                    + "\n".join(methods) + "}\n")
    with open(os.path.join(out, "Main.java"), "w") as f:
        f.write(MAIN % ", ".join(names))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bodies", type=int, default=1000)
    p.add_argument("--per-class", type=int, default=200)
    p.add_argument("--window", type=int, default=100, help="bodies per printed median")
    p.add_argument("--java", default=os.environ.get("JAVA", "java"))
    p.add_argument("--jar", help="the core jar (default: core/target/jyield-*.jar)")
    p.add_argument("--jvm-args", default="", help="options of the measured JVM, as one string")
    p.add_argument("--cpu", action="store_true", help="the main thread's CPU time instead of the elapsed time")
    args = p.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    jar = args.jar or next((j for j in sorted(glob.glob(os.path.join(root, "core/target/jyield-*.jar")))
                            if not j.endswith(("-sources.jar", "-javadoc.jar"))), None)
    if jar is None:
        sys.exit("later_bodies.py: no core jar; build it with mvn -pl core package -DskipTests")
    out = os.path.join(root, "bench/target/later-bodies")
    src, classes = os.path.join(out, "src"), os.path.join(out, "classes")
    os.makedirs(src, exist_ok=True)
    for old in glob.glob(os.path.join(src, "*.java")):
        os.remove(old)
    write_sources(src, args.bodies, args.per_class)
    javac = os.path.join(os.path.dirname(args.java), "javac") if os.path.dirname(args.java) else "javac"
    subprocess.run([javac, "-g", "-d", classes, "-cp", jar] + sorted(glob.glob(os.path.join(src, "*.java"))),
                   check=True)
    subprocess.run([args.java] + shlex.split(args.jvm_args)
                   + ["-cp", os.pathsep.join([classes, jar]), "later.Main", str(args.window)]
                   + (["cpu"] if args.cpu else []), check=True)


if __name__ == "__main__":
    main()
