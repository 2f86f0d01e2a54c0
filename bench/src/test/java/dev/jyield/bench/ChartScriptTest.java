package dev.jyield.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code chart.py} turns a checked-in JMH result and a CPython result into a well-formed SVG with one bar per
 * (case, peer) and the README's table; {@code python/pull_bench.py --quick} writes a file {@code chart.py} reads.
 * Skipped where there is no {@code python3}.
 */
class ChartScriptTest {
    private static final Path SAMPLES = Path.of("src/test/resources/chart");
    private static final Path OUT = Path.of("target/chart-test");

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void needsPython() throws Exception {
        assumePython();
        Files.createDirectories(OUT);
    }

    /** Skips the calling test class where there is no {@code python3} on the PATH (the bench scripts' tests). */
    static void assumePython() throws InterruptedException {
        boolean present;
        try {
            present = run("python3", "--version").exit() == 0;
        } catch (IOException e) {
            present = false;
        }
        assumeTrue(present, "python3 is not on the PATH");
    }

    static Run run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chart", ".out");
        Path err = Files.createTempFile("chart", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static Run chart(Path cpython, Path svg) throws Exception {
        Run r = run("python3", "chart.py", "--jmh", SAMPLES.resolve("pull-sample.json").toString(),
                "--cpython", cpython.toString(), "--svg", svg.toString(),
                "--date", "2026-01-01", "--machine", "a test machine, 2 cores");
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    /** "case/peer" of every bar, in document order. */
    static List<String> bars(Document svg) {
        List<String> bars = new ArrayList<>();
        NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element e = (Element) rects.item(i);
            if (e.getAttribute("class").equals("bar")) {
                bars.add(e.getAttribute("data-case") + "/" + e.getAttribute("data-peer"));
            }
        }
        return bars;
    }

    static List<String> texts(Document svg, String cls) {
        List<String> texts = new ArrayList<>();
        NodeList all = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cls)) {
                texts.add(e.getTextContent());
            }
        }
        return texts;
    }

    @Test
    void everyKnownMethodAndCPythonCaseIsOneBarWithItsValue() throws Exception {
        Path svg = OUT.resolve("bench.svg");
        Run r = chart(SAMPLES.resolve("cpython-sample.json"), svg);
        Document doc = parse(svg);
        assertThat(bars(doc)).containsExactly(
                "single/jyield", "single/kotlin", "single/guava", "single/hand", "single/hand_loop", "single/cpython",
                "mapFilter/jyield", "mapFilter/kotlin", "mapFilter/stream", "mapFilter/guava", "mapFilter/hand_loop",
                "mapFilter/cpython",
                "tree/jyield", "tree/kotlin", "tree/hand", "tree/cpython",
                "three/jyield", "three/kotlin", "three/hand", "three/cpython");
        // singleJyield 8.467, singleHandLoop 0.344 and the CPython tree 429.22 ns: all three read on one axis.
        assertThat(texts(doc, "value")).hasSize(20).contains("8.47", "0.34", "429");
        assertThat(String.join("\n", texts(doc, "title")))
                .contains("JDK 25.0.3", "CPython 3.11.7", "2026-01-01", "a test machine, 2 cores",
                        "java -jar bench/target/benchmarks.jar PullBench -f 1 -wi 1 -i 1 -w 200ms -r 200ms");
        // The sample's two results outside the mapping are left out, each with a note.
        assertThat(r.err()).contains("PullBench.singleNotYetCharted", "GeneratorBench.handLoop");
    }

    @Test
    void theTableHasTheReadmeShapeAndTheChartsNumbers() throws Exception {
        Run r = chart(SAMPLES.resolve("cpython-sample.json"), OUT.resolve("table.svg"));
        assertThat(r.out()).contains(
                "| case (`PullBench`) | hand-written | Kotlin `sequence {}` | jyield | jyield vs Kotlin | others"
                        + " | CPython 3.11.7 |",
                "| single pulled generator, for-each | 0.34 (loop 0.34) | 7.50 | 8.47 | 1.13x"
                        + " | Guava `AbstractIterator` 8.72 | 45.1 |",
                "| pulled `range → map → filter` | 0.71 | 6.03 (`asSequence`) | 25.3 | 4.19x"
                        + " | `Stream.iterator()` 13.5, Guava `FluentIterable` 11.6 | 74.0 |",
                "| recursive tree walk, 65,535 nodes (ns/node) | 3.76 | 104 (`yieldAll`) | 172 (`yieldFrom`) | 1.66x"
                        + " |  | 429 |",
                "| 3-element generator created and drained (ns/generator) | 0.69 | 40.1 | 79.3 | 1.98x |  | 164 |");
    }

    /**
     * Where JMH recorded each iteration, a value is their median over all forks, so that an iteration slowed down
     * several times over by another process moves it little: here five iterations of 4, 5, 6, 7 and 60 ns (mean
     * 16.4) read as 6.00.
     */
    @Test
    void aValueIsTheMedianOfTheIterationsWhereTheyAreRecorded() throws Exception {
        String sample = Files.readString(SAMPLES.resolve("pull-sample.json"), StandardCharsets.UTF_8);
        String withRaw = sample.replace("\"score\": 8.467,", // the sample's singleJyield, its only such score
                "\"score\": 16.4, \"rawData\": [[4.0, 5.0], [6.0, 7.0, 60.0]],");
        assertThat(withRaw).as("the sample's singleJyield entry").isNotEqualTo(sample);
        Path jmh = OUT.resolve("pull-raw.json");
        Files.writeString(jmh, withRaw, StandardCharsets.UTF_8);
        Run r = run("python3", "chart.py", "--jmh", jmh.toString(), "--cpython",
                SAMPLES.resolve("cpython-sample.json").toString(), "--svg", OUT.resolve("raw.svg").toString(),
                "--date", "2026-01-01", "--machine", "a test machine, 2 cores");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("| single pulled generator, for-each | 0.34 (loop 0.34) | 7.50 | 6.00 | 0.80x");
    }

    @Test
    void pullBenchWritesWhatChartReads() throws Exception {
        Path json = OUT.resolve("cpython-quick.json");
        Run bench = run("python3", "python/pull_bench.py", "--quick", "--json", json.toString());
        assertThat(bench.exit()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("single", "mapFilter", "tree", "three");
        Path svg = OUT.resolve("quick.svg");
        Run r = chart(json, svg);
        assertThat(bars(parse(svg))).filteredOn(b -> b.endsWith("/cpython"))
                .containsExactly("single/cpython", "mapFilter/cpython", "tree/cpython", "three/cpython");
        assertThat(r.err()).contains("--quick");
    }
}
