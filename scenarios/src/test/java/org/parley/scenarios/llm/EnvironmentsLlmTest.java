package org.parley.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.models.testserver.Received;
import org.parley.models.testserver.Reply;
import org.parley.scenarios.plan.RunOptions;

/** Counseling with the working-alliance judge, a coding episode through tool calls, and a maze with a model swap. */
class EnvironmentsLlmTest {
    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path tmp;
    LlmHarness h;

    @AfterEach
    void stop() {
        h.close();
    }

    private LlmHarness harness(LlmHarness.AgentScript script) {
        h = new LlmHarness(tmp).answering(script);
        h.env.put("OPENAI_API_KEY", "sk-test");
        return h;
    }

    static List<JsonNode> actions(Path transcript) throws Exception {
        var list = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(transcript)) {
            JsonNode e = JSON.readTree(line);
            if ("action".equals(e.path("type").asText())) {
                list.add(e);
            }
        }
        return list;
    }

    @Test
    void counselingSessionWithLlmMindsAndTheWorkingAllianceJudge() throws Exception {
        harness((agent, turn, r) -> Reply.text(turn < 8
                ? LlmHarness.speak("client".equals(agent) ? "I have been feeling low since the move, turn " + turn
                        : "What goes through your mind when that happens? (turn " + turn + ")")
                : LlmHarness.leave("Let us stop here for today.")));
        var s = h.load(Path.of("llm/counseling-course-llm.yaml"),
                "conditions=[{name: daniel, set: {agents.client.persona: daniel}}]", "environment.params.sessions=1");
        Path run = h.run(s, new RunOptions(1, null, 1), "run", h.models());

        assertThat(h.requestsOf("client")).isNotEmpty();
        assertThat(h.requestsOf("counselor")).isNotEmpty();
        assertThat(h.judgeRequests()).hasSize(1);
        String header = Files.readAllLines(run.resolve("results.csv")).get(0);
        assertThat(header).contains("working_alliance_bond_respect", "working_alliance_overall");
        assertThat(actions(run.resolve("episodes/daniel/0000.jsonl")))
                .allSatisfy(a -> assertThat(a.path("data").path("produced-by").asText()).isEqualTo("llm:gpt"));
    }

    private static final Pattern FILES = Pattern.compile("\"files\":\\[\"([^\"]+)\"");

    @Test
    void aCoderWorksThroughToolCallsRoutedToTheEnvironment() throws Exception {
        harness((agent, turn, r) -> switch (turn) {
            case 0 -> Reply.toolCall("list_files", "{}");
            case 1 -> Reply.toolCall("read_file", "{\"path\":\"" + firstFile(r) + "\"}");
            case 2 -> Reply.toolCall("apply_patch", "{\"path\":\"" + firstFile(r)
                    + "\",\"function\":\"main\",\"code\":\"def main():\\n    return 1\\n\"}");
            default -> Reply.toolCall("submit", "{}");
        });
        var s = h.load(Path.of("llm/cooperbench-solo-llm.yaml"), "conditions=[{name: solo, set: {environment.params.features: 2}}]");
        Path run = h.run(s, new RunOptions(1, null, 1), "run", h.models());

        List<JsonNode> actions = actions(run.resolve("episodes/solo/0000.jsonl"));
        assertThat(actions).extracting(a -> a.path("data").path("kind").asText())
                .containsExactly("list_files", "read_file", "apply_patch", "submit");
        assertThat(actions).allSatisfy(a -> assertThat(a.path("data").path("produced-by").asText()).isEqualTo("llm:gpt"));
        assertThat(actions.get(1).path("data").path("args").path("path").asText()).isNotBlank();
        // the model was offered the environment's tools, and saw each tool's result on its next turn
        Received first = h.requestsOf("maya").get(0);
        assertThat(first.json().path("tools").toString()).contains("list_files", "apply_patch", "submit");
        assertThat(h.requestsOf("maya").get(1).lastUserText()).contains(firstFile(h.requestsOf("maya").get(0)));
        String transcript = Files.readString(run.resolve("episodes/solo/0000.jsonl"));
        assertThat(transcript).contains("\"reason\":\"all-submitted\"");
    }

    private static String firstFile(Received r) {
        Matcher m = FILES.matcher(r.lastUserText());
        return m.find() ? m.group(1) : "missing";
    }

    @Test
    void aModelSwapAtATurnIsRecordedInTheTranscript() throws Exception {
        harness((agent, turn, r) -> {
            if (turn == 0) {
                return Reply.toolCall("propose", "{\"direction\":\"east\"}");
            }
            if (turn == 1) {
                return Reply.toolCall("accept", "{\"reason\":\"fine\"}");
            }
            return Reply.text(turn < 8 ? LlmHarness.speak(agent + " reports what it sees at turn " + turn)
                    : LlmHarness.leave("Stopping here."));
        });
        String base = h.server.openAiBaseUrl();
        var s = h.load(Path.of("llm/maze-split-grid-llm.yaml"), "conditions=[{name: columns}]",
                "models.model-a={provider: openai-compatible, base-url: '" + base + "', model: small-a}",
                "models.model-b={provider: openai-compatible, base-url: '" + base + "', model: small-b}",
                "agents.a.mind={kind: llm, model: model-a, swaps: [{at-turn: 4, model: model-b}]}");
        Path run = h.run(s, new RunOptions(1, null, 1), "run", h.models());

        List<JsonNode> byA = actions(run.resolve("episodes/columns/0000.jsonl")).stream()
                .filter(a -> "a".equals(a.path("agent").asText())).toList();
        assertThat(byA).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode a : byA) {
            String expected = a.path("turn").asLong() < 4 ? "llm:model-a" : "llm:model-b";
            assertThat(a.path("data").path("produced-by").asText()).as("turn " + a.path("turn")).isEqualTo(expected);
        }
        assertThat(byA).extracting(a -> a.path("data").path("produced-by").asText())
                .containsSubsequence("llm:model-a", "llm:model-b");
        assertThat(byA.get(0).path("data").path("kind").asText()).isEqualTo("propose");
        for (Received r : h.requestsOf("a")) {
            assertThat(r.json().path("model").asText()).isEqualTo(LlmHarness.turnOf(r) < 4 ? "small-a" : "small-b");
        }
        assertThat(h.requestsOf("b")).allSatisfy(r -> assertThat(r.json().path("model").asText()).isEqualTo("gpt-4o-mini"));
        assertThat(Files.readString(run.resolve("manifest.json"))).contains("llm:model-a,model-b@4");
    }
}
