package org.parley.scenarios.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.runtime.output.ScoreStats;
import org.parley.runtime.output.Summary;
import org.parley.runtime.run.EpisodeResult;
import org.parley.scenarios.cli.ParleyCommand;

/**
 * docs/embedding.md cannot drift from the API: its Java blocks are compiled against the real
 * modules, its run-from-Java program is run, and its scenario file is run through the loader and
 * the command line with the guide's environment type registered the way the guide says. The guide
 * promises a new setting is one Java file (one top-level class), one services line and one scenario
 * file; the test holds it to that.
 */
class EmbeddingGuideTest {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```\\s*$");
    private static final Pattern JAVA_FILE = Pattern.compile("\\A// File: (\\w+)\\.java\\n");
    private static final Pattern YAML_FILE = Pattern.compile("\\A# File: ([\\w.-]+\\.yaml)\\n");
    /** A class's binary name, as a line of a META-INF/services file: nested classes after a {@code $}. */
    private static final Pattern SERVICE_LINE = Pattern.compile("[a-z]\\w*(\\.[a-z]\\w*)*\\.[A-Z]\\w*(\\$[A-Z]\\w*)*");
    /** A type declared at the start of a line: only top-level types are (nested ones are indented). */
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile("(?m)^(?:public |final |abstract |sealed )*(?:class|record|interface|enum) (\\w+)");
    /** The environment's file; the guide's other Java files are programs that run it. */
    private static final String ENVIRONMENT = "UltimatumGame";
    private static final List<String> RUN_PROGRAMS = List.of("RunUltimatumScenario", "RunUltimatum", "ActionsPerEpisode");
    private static final String SERVICES = "META-INF/services/org.parley.environments.spi.EnvironmentType";

    @TempDir
    static Path work;

    static Map<String, String> javaFiles = new LinkedHashMap<>();
    static Map<String, String> yamlFiles = new LinkedHashMap<>();
    static List<String> serviceLines = new ArrayList<>();
    /** The figures the guide says its run-from-Java program prints. */
    static List<String> printedFigures = new ArrayList<>();
    static URLClassLoader classes;

    @BeforeAll
    static void compileTheGuide() throws Exception {
        String guide = Files.readString(guide(), StandardCharsets.UTF_8);
        Matcher m = FENCE.matcher(guide);
        while (m.find()) {
            String language = m.group(1);
            String body = m.group(2);
            if (language.equals("java")) {
                Matcher name = JAVA_FILE.matcher(body);
                assertThat(name.find()).as("a java block that does not start with '// File: Name.java':%n%s", body).isTrue();
                javaFiles.put(name.group(1), body);
            } else if (language.equals("yaml")) {
                Matcher name = YAML_FILE.matcher(body);
                if (name.find()) {
                    yamlFiles.put(name.group(1), body);
                }
            } else if (language.isEmpty() && SERVICE_LINE.matcher(body.strip()).matches()) {
                serviceLines.add(body.strip()); // the line of the META-INF/services file
            }
        }
        // one Java file for the setting, one services line, one scenario file; the rest runs it
        var expected = new ArrayList<String>(List.of(ENVIRONMENT));
        expected.addAll(RUN_PROGRAMS);
        assertThat(javaFiles.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(topLevelTypes(javaFiles.get(ENVIRONMENT))).as("top-level types of %s.java", ENVIRONMENT)
                .containsExactly(ENVIRONMENT);
        assertThat(serviceLines).containsExactly("example.ultimatum." + ENVIRONMENT + "$Type");
        assertThat(yamlFiles.keySet()).containsExactly("ultimatum.yaml");
        assertThat(guide).contains("one Java file, one services line, one scenario file");
        Matcher figures = Pattern.compile("(?s)It prints:\\s*```\\n(.*?)```").matcher(guide);
        assertThat(figures.find()).as("the guide shows what RunUltimatum prints").isTrue();
        printedFigures.addAll(figures.group(1).strip().lines().toList());

        Path src = work.resolve("src/example/ultimatum");
        Path out = work.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(out);
        List<Path> sources = new ArrayList<>();
        for (var e : javaFiles.entrySet()) {
            sources.add(Files.writeString(src.resolve(e.getKey() + ".java"), e.getValue()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK with javac").isNotNull();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "21", "-proc:none",
                    "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(ok).as("the guide's Java compiles:%n%s", String.join("\n",
                    diagnostics.getDiagnostics().stream().map(d -> d.toString()).toList())).isTrue();
        }
        // registered as the guide says: the class name in META-INF/services next to the classes
        Path services = out.resolve(SERVICES);
        Files.createDirectories(services.getParent());
        Files.writeString(services, String.join("\n", serviceLines) + "\n");
        classes = new URLClassLoader(new URL[] {out.toUri().toURL()}, EmbeddingGuideTest.class.getClassLoader());
    }

    @AfterAll
    static void closeClasses() throws Exception {
        if (classes != null) {
            classes.close();
        }
    }

    private static List<String> topLevelTypes(String source) {
        var names = new ArrayList<String>();
        Matcher m = TOP_LEVEL_TYPE.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Path guide() {
        for (Path p : List.of(Path.of("docs/embedding.md"), Path.of("../docs/embedding.md"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("docs/embedding.md not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJavaProgramRunsBothConditionsAndGenerosityPays() throws Exception {
        Path out = work.resolve("java-run");
        Method run = classes.loadClass("example.ultimatum.RunUltimatum").getMethod("run", Path.class, int.class, long.class);
        var results = (List<EpisodeResult>) invoke(() -> run.invoke(null, out, 40, 7L));

        assertThat(results).hasSize(80).allMatch(r -> !r.failed(), "completed");
        assertThat(results.stream().map(EpisodeResult::condition).distinct()).containsExactly("generous", "stingy");
        assertThat(results).allSatisfy(r -> assertThat(r.endReason()).isIn("deal", "no-deal"));
        Predicate<EpisodeResult> generous = r -> r.condition().equals("generous");
        double generousDeals = mean(results, generous, r -> r.outcome().episodeScores().get("deal"));
        double stingyDeals = mean(results, generous.negate(), r -> r.outcome().episodeScores().get("deal"));
        double generousTurns = mean(results, generous, r -> (double) r.turns());
        double stingyTurns = mean(results, generous.negate(), r -> (double) r.turns());
        double generousPay = mean(results, generous, r -> r.outcome().agentScores().get("responder").get("payoff"));
        double stingyPay = mean(results, generous.negate(), r -> r.outcome().agentScores().get("responder").get("payoff"));
        System.out.printf("java: deals %.2f vs %.2f, turns %.2f vs %.2f, responder's payoff %.1f vs %.1f%n",
                generousDeals, stingyDeals, generousTurns, stingyTurns, generousPay, stingyPay);
        assertThat(generousDeals).isGreaterThan(stingyDeals);
        assertThat(generousTurns).isLessThan(stingyTurns);
        assertThat(generousPay).isGreaterThan(stingyPay);
        assertThat(results).allSatisfy(r -> assertThat(r.agents().get("proposer").mind()).isEqualTo("rule-based:proposer"));

        Map<String, Path> transcripts = RunFolders.transcripts(out);
        assertThat(transcripts).hasSize(80).containsKeys("generous/0000.jsonl", "stingy/0039.jsonl");
        assertThat(Files.readString(transcripts.get("stingy/0000.jsonl")))
                .contains("\"type\":\"episode-start\"", "\"kind\":\"offer\"", "\"type\":\"episode-end\"");

        // main prints one line per condition
        Method main = classes.loadClass("example.ultimatum.RunUltimatum").getMethod("main", String[].class);
        String printed = captureStdout(() -> main.invoke(null, (Object) new String[] {work.resolve("java-main").toString()}));
        assertThat(printed).contains("100 episodes: 100 completed, 0 failed")
                .containsPattern("generous +deals [01]\\.\\d\\d, responder's payoff \\d+\\.\\d, turns \\d+\\.\\d")
                .containsPattern("stingy +deals [01]\\.\\d\\d");
        // the same seed prints the same figures, the ones the guide shows
        assertThat(printed.lines().toList()).containsAll(printedFigures);
    }

    @Test
    void theScenarioFileRunsWithTheRegisteredTypeFromJavaAndFromTheCommandLine() throws Exception {
        Path yaml = Files.writeString(work.resolve("ultimatum.yaml"), yamlFiles.get("ultimatum.yaml"));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classes);
        try {
            Method run = classes.loadClass("example.ultimatum.RunUltimatumScenario").getMethod("run", Path.class, Path.class);
            Path api = work.resolve("api/run");
            @SuppressWarnings("unchecked")
            var summaries = (List<Summary.ConditionSummary>) invoke(() -> run.invoke(null, yaml, api));
            assertThat(summaries).extracting(Summary.ConditionSummary::condition).containsExactly("generous", "stingy");
            assertThat(summaries).allSatisfy(s -> {
                assertThat(s.episodes()).isEqualTo(50);
                assertThat(s.completed()).isEqualTo(50);
            });
            ScoreStats generousDeal = summaries.get(0).scores().get("episode_deal");
            ScoreStats stingyDeal = summaries.get(1).scores().get("episode_deal");
            ScoreStats generousPay = summaries.get(0).byRole().get("payoff").get("responder");
            ScoreStats stingyPay = summaries.get(1).byRole().get("payoff").get("responder");
            System.out.printf("yaml: deals %s vs %s, responder's payoff %s vs %s%n", generousDeal.display(),
                    stingyDeal.display(), generousPay.display(), stingyPay.display());
            assertThat(generousDeal.mean()).isGreaterThan(stingyDeal.mean());
            assertThat(summaries.get(0).turns().mean()).isLessThan(summaries.get(1).turns().mean());
            // a difference the confidence intervals resolve, not noise
            assertThat(generousPay.ciLow()).isGreaterThan(stingyPay.ciHigh());
            RunFolders.assertComplete(api);

            // the command line finds the type the same way and writes the same bytes
            var out = new StringWriter();
            var err = new StringWriter();
            Path cli = work.resolve("cli/run");
            int code = ParleyCommand.execute(new PrintWriter(out), new PrintWriter(err), "run", yaml.toString(), "--out",
                    cli.toString(), "--parallel", "2", "--quiet");
            assertThat(code).as("parley run%n%s%s", out, err).isZero();
            RunFolders.assertSameOutputs(api, cli);

            var listed = new StringWriter();
            assertThat(ParleyCommand.execute(new PrintWriter(listed), new PrintWriter(new StringWriter()), "list")).isZero();
            assertThat(listed.toString()).containsPattern("ultimatum +Bargaining over a shrinking pot");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void aMistakeInTheScenarioIsReportedAtItsPlace() throws Exception {
        String broken = yamlFiles.get("ultimatum.yaml").replace("max-offers: 3", "max-offers: 0")
                .replace("discount: 0.1", "discont: 0.1");
        Path yaml = Files.writeString(work.resolve("broken.yaml"), broken);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classes);
        try {
            var err = new StringWriter();
            int code = ParleyCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate", yaml.toString());
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).containsPattern(Pattern.quote(yaml.toString()) + ":\\d+:\\d+: .*discont");

            // the type's round cap: a max-turns that would cut the game short is refused at its place
            Path tooShort = Files.writeString(work.resolve("short.yaml"),
                    yamlFiles.get("ultimatum.yaml").replace("max-turns: 10", "max-turns: 5"));
            err = new StringWriter();
            code = ParleyCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate", tooShort.toString());
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).containsPattern(Pattern.quote(tooShort.toString()) + ":\\d+:\\d+: limits.max-turns: 5 turns"
                    + " would end episodes before the ultimatum setting plays its 3 rounds \\(environment.params: max-offers\\)");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static double mean(List<EpisodeResult> results, Predicate<EpisodeResult> which,
            java.util.function.ToDoubleFunction<EpisodeResult> score) {
        return results.stream().filter(which).mapToDouble(score).average().orElseThrow();
    }

    private static Object invoke(Callable<Object> call) throws Exception {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    private static String captureStdout(Callable<Object> call) throws Exception {
        PrintStream previous = System.out;
        var bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            invoke(call);
        } finally {
            System.setOut(previous);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        previous.print(printed);
        return printed;
    }
}
