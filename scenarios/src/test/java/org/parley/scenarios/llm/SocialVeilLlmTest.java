package org.parley.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.models.testserver.Received;
import org.parley.models.testserver.Reply;
import org.parley.scenarios.plan.RunOptions;

/** SocialVeil with LLM minds: the barrier reaches only the barriered agent's prompt; the barrier rubric judges. */
class SocialVeilLlmTest {
    static final Path FILE = Path.of("llm/barrier-grid-llm.yaml");
    static final String OVERLAY_START = "Communication style (keep it up for the whole conversation, never mention it)";

    @TempDir
    Path tmp;
    LlmHarness h;

    @BeforeEach
    void start() {
        h = new LlmHarness(tmp).answering((agent, turn) -> Reply.text(turn < 6
                ? LlmHarness.speak(agent + " says something about the plan at turn " + turn)
                : LlmHarness.leave("Goodbye.")));
        h.env.put("OPENAI_API_KEY", "sk-test");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theBarrierOverlayIsInTheBarrieredAgentsPromptsOnly() throws Exception {
        var s = h.load(FILE, "conditions=[{name: vague, set: {environment.params.barrier.type: semantic-vagueness,"
                + " environment.params.barrier.severity: 0.9}}]");
        Path run = h.run(s, new RunOptions(1, null, 1), "run", h.models());

        var speaker = h.requestsOf("speaker");
        var listener = h.requestsOf("listener");
        assertThat(speaker).hasSizeGreaterThan(2);
        assertThat(listener).hasSizeGreaterThan(2);
        for (Received r : speaker) {
            assertThat(r.body()).contains(OVERLAY_START).contains("speak strongly vaguely");
        }
        for (Received r : listener) {
            assertThat(r.body()).doesNotContain("Communication style").doesNotContain("vaguely")
                    .doesNotContain("ambiguity devices");
        }
        // the judge scores with the barrier rubric; its columns land in the results
        assertThat(h.judgeRequests()).hasSize(1);
        assertThat(h.judgeRequests().get(0).lastUserText()).contains("mutual_understanding");
        String header = Files.readAllLines(run.resolve("results.csv")).get(0);
        assertThat(header).contains("barrier_mutual_understanding", "barrier_unresolved_confusion");
        String transcript = Files.readString(run.resolve("episodes/vague/0000.jsonl"));
        assertThat(transcript).contains("\"produced-by\":\"llm:gpt\"").contains("\"rubric\":\"barrier\"");
    }

    @Test
    void withoutABarrierNoAgentGetsAnOverlay() throws Exception {
        var s = h.load(FILE, "conditions=[{name: none}]", "judges=[]");
        h.run(s, new RunOptions(1, null, 1), "run", h.models());
        assertThat(h.server.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.body()).doesNotContain("Communication style"));
        assertThat(h.judgeRequests()).isEmpty();
    }
}
