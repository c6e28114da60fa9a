package org.parley.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.models.testserver.Reply;
import org.parley.scenarios.cli.ParleyCommand;
import org.parley.scenarios.load.ScenarioException;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.run.PreparedRun;
import org.parley.scenarios.run.RunSetupException;

/** The bundled LLM scenario files, the models and judges sections' checks, --set on models, and models check. */
class LlmScenarioFilesTest {
    static final Path QUICKSTART = DialogueLlmTest.QUICKSTART;

    @TempDir
    Path tmp;
    LlmHarness h;

    record Result(int code, String out, String err) {}

    static Result parley(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = ParleyCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void start() {
        h = new LlmHarness(tmp).answering((agent, turn) -> Reply.text("ok"));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    static List<Path> bundled() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("llm"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyBundledLlmScenarioValidatesAndUsesLlmMindsOnly() throws Exception {
        List<Path> files = bundled();
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        h.env.put("OPENAI_API_KEY", "sk-test");
        for (Path f : files) {
            Result r = parley("validate", f.toString());
            assertThat(r.code()).as(f + ": " + r.err()).isZero();
            assertThat(r.out()).as(f.toString()).contains("mind llm:gpt").doesNotContain("mind rule-based")
                    .contains("model gpt: openai gpt-4o-mini, key from $OPENAI_API_KEY");
            LoadedScenario s = h.loader().load(f);
            for (var c : s.conditions()) {
                assertThat(c.scenario().llm().models()).containsKey("gpt");
                assertThat(c.scenario().agents()).allSatisfy(a -> assertThat(a.mind().kind()).isEqualTo("llm"));
            }
        }
    }

    @Test
    void runExitsTwoNamingTheMissingKeyVariable() {
        Assumptions.assumeTrue(System.getenv("OPENAI_API_KEY") == null, "OPENAI_API_KEY is set in this environment");
        Path out = tmp.resolve("run");
        Result r = parley("run", QUICKSTART.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("OPENAI_API_KEY").contains("model 'gpt'");
        assertThat(out.resolve("manifest.json")).doesNotExist();
    }

    @Test
    void aPreparedRunRefusesToStartWithoutTheKey() throws Exception {
        LoadedScenario s = h.load(QUICKSTART);
        assertThatThrownBy(() -> PreparedRun.fresh(s, RunOptions.none(), tmp.resolve("run"), Clock.systemUTC(), h.models()))
                .isInstanceOf(RunSetupException.class).hasMessageContaining("OPENAI_API_KEY is not set");
        assertThat(tmp.resolve("run/manifest.json")).doesNotExist();
    }

    @Test
    void setSwapsAModelOrAnAgentsModelFromTheCommandLine() throws Exception {
        LoadedScenario s = h.load(QUICKSTART, "models.gpt.model=gpt-4.1-nano",
                "models.local={provider: openai-compatible, base-url: 'http://127.0.0.1:8000/v1', model: qwen}",
                "agents.buyer.mind.model=local");
        assertThat(s.base().llm().models().get("gpt").model()).isEqualTo("gpt-4.1-nano");
        assertThat(s.base().agents().get(1).mind().describe()).isEqualTo("llm:local");
        assertThat(s.base().agents().get(0).mind().describe()).isEqualTo("llm:gpt");

        assertThatThrownBy(() -> h.load(QUICKSTART, "agents.buyer.mind.model=gtp"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("model 'gtp' is not defined under models:").hasMessageContaining("did you mean 'gpt'");
    }

    private Path write(String name, String yaml) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    /** The 1-based number of the first line containing {@code text}. */
    private static int lineOf(Path f, String text) throws IOException {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + f);
    }

    private Path quickstartWith(String from, String to) throws IOException {
        String text = Files.readString(QUICKSTART).replace("../personas/", Path.of("personas").toAbsolutePath() + "/");
        assertThat(text).contains(from);
        return write("s.yaml", text.replace(from, to));
    }

    @Test
    void problemsInTheModelsSectionAreReportedAtTheirPlace() throws Exception {
        Path f = quickstartWith("    api-key-env: OPENAI_API_KEY\n", "    api-key: sk-abc123\n");
        assertThatThrownBy(() -> h.loader().load(f)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining(f + ":" + lineOf(f, "api-key: sk") + ":5: models.gpt: API keys may not be written in scenario files")
                .hasMessageContaining("api-key-env");

        Path g = quickstartWith("    provider: openai\n", "    provider: opnai\n");
        assertThatThrownBy(() -> h.loader().load(g)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining(g + ":" + lineOf(g, "provider: opnai") + ":15:");

        Path k = quickstartWith("api-key-env: OPENAI_API_KEY", "api-key-env: sk-abc123");
        assertThatThrownBy(() -> h.loader().load(k)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("never the key itself").hasMessageNotContaining("sk-abc123 ");

        Path j = quickstartWith("rubric: sotopia-7", "rubric: sotopia-8");
        assertThatThrownBy(() -> h.loader().load(j)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining(j + ":" + lineOf(j, "sotopia-8") + ":15: rubric 'sotopia-8' is neither built in");

        Path m = quickstartWith("    mind: { kind: llm, model: gpt }\n  - id: buyer", "    mind: { kind: llm, modle: gpt }\n  - id: buyer");
        assertThatThrownBy(() -> h.loader().load(m)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("unknown key 'modle' in an llm mind").hasMessageContaining("did you mean 'model'");
    }

    @Test
    void theCliRunsWithModelsAndRecordsIntoTheRunFolder() throws Exception {
        String model = "models.gpt={provider: openai-compatible, base-url: '" + h.server.openAiBaseUrl() + "', model: small}";
        Path out = tmp.resolve("cli-run");
        Result r = parley("run", QUICKSTART.toString(), "--set", model, "--set", "conditions=[{name: baseline}]",
                "--set", "judges=[]", "--episodes", "1", "--out", out.toString(), "--quiet", "--llm-cache", "record");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("episodes/baseline/0000.jsonl")).exists();
        assertThat(LlmHarness.files(out.resolve("llm-cache"))).isNotEmpty();
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("llm:gpt");

        Result bad = parley("run", QUICKSTART.toString(), "--set", model, "--out", tmp.resolve("x").toString(),
                "--llm-cache", "sometimes");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown cache mode 'sometimes'");
    }

    @Test
    void modelsCheckPingsEveryModel() {
        String base = h.server.openAiBaseUrl();
        Result ok = parley("models", "check", QUICKSTART.toString(),
                "--set", "models.gpt={provider: openai-compatible, base-url: '" + base + "', model: small}");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).containsPattern("gpt \\(openai-compatible small\\): ok \\(\\d+ ms\\)");
        assertThat(h.server.requests()).hasSize(1);

        Result bad = parley("models", "check", QUICKSTART.toString(),
                "--set", "models.gpt={provider: openai-compatible, base-url: '" + base + "', model: small}",
                "--set", "models.down={provider: openai-compatible, base-url: 'http://127.0.0.1:1/v1', model: x,"
                        + " retry: {max-attempts: 1}}");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("gpt (openai-compatible small): ok").contains("down (openai-compatible x): FAILED");

        Result invalid = parley("models", "check", tmp.resolve("missing.yaml").toString());
        assertThat(invalid.code()).isEqualTo(2);
    }
}
