package org.parley.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.models.CacheMode;
import org.parley.models.testserver.Reply;
import org.parley.monitoring.MetricsExporter;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.plan.RunOptions;

/** The bundled quickstart with language models and the Sotopia-7 judge, end to end. */
class DialogueLlmTest {
    static final Path QUICKSTART = Path.of("llm/quickstart-llm.yaml");
    static final String KEY = "sk-parley-test-7f3c9a1e5b2d4c6e8a0b";

    @TempDir
    Path tmp;
    LlmHarness h;

    @BeforeEach
    void start() {
        h = new LlmHarness(tmp).answering((agent, turn) -> Reply.text(turn < 4
                ? LlmHarness.speak(agent + " makes offer " + (100 + 10 * turn))
                : LlmHarness.leave("Thanks, goodbye.")));
        h.env.put("OPENAI_API_KEY", KEY);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void llmMindsPlayTheEpisodeAndTheJudgeScoresIt() throws Exception {
        LoadedScenario s = h.load(QUICKSTART, "conditions=[{name: baseline}]");
        Path run = h.run(s, new RunOptions(1, null, 1), "run", h.models());

        String transcript = Files.readString(run.resolve("episodes/baseline/0000.jsonl"));
        assertThat(transcript).contains("\"produced-by\":\"llm:gpt\"").contains("seller makes offer")
                .contains("\"mind\":\"llm:gpt\"").contains("\"event\":\"judge\"");
        String header = Files.readAllLines(run.resolve("results.csv")).get(0);
        assertThat(header).contains("sotopia_believability", "sotopia_goal", "sotopia_overall");
        assertThat(Files.readString(run.resolve("summary.json"))).contains("sotopia_goal");
        assertThat(Files.readString(run.resolve("manifest.json"))).contains("llm:gpt").contains("OPENAI_API_KEY");
        assertThat(h.judgeRequests()).hasSize(1);
        List<String> usage = Files.readAllLines(run.resolve("llm-usage.csv"));
        assertThat(usage.get(0)).startsWith("model,role,episode,requests,cached");
        assertThat(usage).anyMatch(l -> l.startsWith("gpt,judge,baseline/0000,1,0,0,0,"))
                .anyMatch(l -> l.startsWith("gpt,seller,baseline/0000,"));
        assertThat(h.requestsOf("seller")).isNotEmpty();
        assertThat(h.requestsOf("buyer")).isNotEmpty();
    }

    @Test
    void aJudgeThatFailsIsRecordedAndTheEnvironmentsScoresStay() throws Exception {
        h.judge = r -> Reply.status(400, "{\"error\":{\"message\":\"context length exceeded\",\"type\":\"invalid_request\"}}");
        LoadedScenario s = h.load(QUICKSTART, "conditions=[{name: baseline}]");
        Path run = h.run(s, new RunOptions(1, null, 1), "run", h.models());

        String transcript = Files.readString(run.resolve("episodes/baseline/0000.jsonl"));
        assertThat(transcript).contains("\"event\":\"judge\"").contains("\"complete\":false")
                .contains("judge call failed").contains("\"status\":\"completed\"");
        List<String> rows = Files.readAllLines(run.resolve("results.csv"));
        assertThat(rows.get(0)).doesNotContain("sotopia_").contains("deal");
        assertThat(rows.get(1)).contains(",completed,");
        assertThat(h.judgeRequests()).hasSize(1);
    }

    @Test
    void aRecordedRunReplaysWithTheServerStoppedByteForByte() throws Exception {
        Path cache = tmp.resolve("shared-cache");
        LoadedScenario s = h.load(QUICKSTART);
        var options = new RunOptions(1, null, 2);
        Path recorded = h.run(s, options, "rec/run", h.models().withCache(CacheMode.RECORD, cache));
        int calls = h.server.requestCount();
        assertThat(calls).isGreaterThan(6);
        h.server.stop();

        Path replayed = h.run(h.load(QUICKSTART), options, "rep/run", h.models().withCache(CacheMode.REPLAY, cache));

        Map<String, String> a = LlmHarness.files(recorded.resolve("episodes"));
        Map<String, String> b = LlmHarness.files(replayed.resolve("episodes"));
        assertThat(a).hasSize(3);
        assertThat(b).isEqualTo(a);
        assertThat(Files.readString(replayed.resolve("results.csv"))).isEqualTo(Files.readString(recorded.resolve("results.csv")));
        assertThat(Files.readString(replayed.resolve("summary.json"))).isEqualTo(Files.readString(recorded.resolve("summary.json")));
        assertThat(h.server.requestCount()).isEqualTo(calls);
    }

    @Test
    void theApiKeyAppearsInNoOutputOfARun() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var captured = new ByteArrayOutputStream();
        var tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        String scraped;
        Path run;
        try (MetricsExporter exporter = MetricsExporter.start(0)) {
            System.setOut(tee);
            System.setErr(tee);
            try {
                LoadedScenario s = h.load(QUICKSTART, "conditions=[{name: baseline}]");
                run = h.run(s, new RunOptions(1, null, 1), "run",
                        h.models().withCache(CacheMode.RECORD, null).withObserver(new GatewayMetrics(exporter.llm())),
                        List.of(exporter.metrics()));
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(exporter.url())).build(),
                    HttpResponse.BodyHandlers.ofString());
            scraped = response.body();
        }
        // the key was used: the provider saw it in the auth header
        assertThat(h.server.requests().get(0).header("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(scraped).contains("model=\"gpt\"").containsPattern("parley_llm_requests_total\\{[^}]*outcome=\"success\"[^}]*\\} [1-9]");
        Map<String, String> files = LlmHarness.files(run);
        assertThat(files.keySet()).anyMatch(f -> f.startsWith("llm-cache"));
        files.forEach((file, content) -> assertThat(content).as(file).doesNotContain(KEY).doesNotContain("7f3c9a1e5b"));
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
        assertThat(scraped).doesNotContain(KEY);
    }
}
