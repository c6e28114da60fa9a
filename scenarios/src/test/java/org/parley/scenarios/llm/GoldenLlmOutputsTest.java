package org.parley.scenarios.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.models.testserver.Received;
import org.parley.models.testserver.Reply;
import org.parley.scenarios.golden.BundledScenarios;
import org.parley.scenarios.golden.GoldenFolder;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.plan.RunOptions;

/**
 * Golden outputs of the bundled scenario files with language models ({@code llm/*.yaml}): each runs
 * against the scripted OpenAI-protocol server on 127.0.0.1 and must write exactly the transcripts,
 * {@code results.csv} and {@code summary.json} recorded in {@code src/test/resources/golden/llm/<name>/},
 * byte for byte. See {@code org.parley.scenarios.golden.GoldenOutputsTest} for why and how to record anew:
 * <pre>./mvnw -q -pl scenarios -am test -Dtest='Golden*' -Dsurefire.failIfNoSpecifiedTests=false -Dparley.golden.update=true</pre>
 *
 * <p>Each file runs every condition, one episode each, seed 2027, one episode at a time (so the
 * requests reach the scripted model in one order), with no request rate limit (recorded with and
 * without the files' limit, the outputs were the same bytes). The script's reply depends only on the agent, the turn and the
 * environment type (the environment decides whether a reply is text or a tool call); the one reply
 * taken from the request is the coder's file to read, the first of the list the environment gave it,
 * which the seed fixes. Judges get the harness's mid-scale score. Not recorded: {@code llm-usage.csv}
 * (latencies), the response cache, {@code manifest.json} (the server's port, paths, versions) and
 * {@code coordination.jsonl} (covered by the rule-based goldens).
 */
class GoldenLlmOutputsTest {
    private static final Pattern FILES = Pattern.compile("\"files\":\\[\"([^\"]+)\"");

    static List<String> scenarios() throws IOException {
        List<String> names = BundledScenarios.withModels();
        assertThat(names).as("bundled LLM scenarios").contains("llm/quickstart-llm");
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @Timeout(60)
    void aScriptedRunWritesTheRecordedOutputs(String scenario, @TempDir Path tmp) throws Exception {
        try (LlmHarness h = new LlmHarness(tmp)) {
            h.env.put("OPENAI_API_KEY", "sk-test");
            // the files' 500 requests a minute, meant for a provider, would space the local server's
            // replies 120 ms apart: 40 s for these runs instead of a few
            LoadedScenario s = h.load(BundledScenarios.file(scenario), "models.gpt.requests-per-minute=0");
            h.answering(script(s.base().environment().name()));
            // the run folder's name is in results.csv: the file's, never the temporary folder's
            String name = scenario.substring(scenario.lastIndexOf('/') + 1);
            Path run = h.run(s, new RunOptions(1, 2027L, 1), name, h.models());
            GoldenFolder.of(scenario).check(run, GoldenFolder.transcriptsResultsAndSummary(run));
        }
    }

    @Test
    void everyLlmGoldenBelongsToABundledScenario() throws IOException {
        List<String> scenarios = scenarios();
        GoldenFolder.removeStale(GoldenFolder.names().stream()
                .filter(g -> g.startsWith(BundledScenarios.LLM + "/") && !scenarios.contains(g))
                .toList());
    }

    /** How the scripted model plays every agent of an environment type. */
    static LlmHarness.AgentScript script(String environment) {
        return switch (environment) {
            // coders work through tool calls: look, read, patch, submit
            case "codebase" -> (agent, turn, r) -> switch (turn) {
                case 0 -> Reply.toolCall("list_files", "{}");
                case 1 -> Reply.toolCall("read_file", "{\"path\":\"" + firstFile(r) + "\"}");
                case 2 -> Reply.toolCall("apply_patch", "{\"path\":\"" + firstFile(r)
                        + "\",\"function\":\"main\",\"code\":\"def main():\\n    return 1\\n\"}");
                default -> Reply.toolCall("submit", "{}");
            };
            // navigators agree on a move through tool calls, then talk and leave
            case "maze" -> (agent, turn, r) -> switch (turn) {
                case 0 -> Reply.toolCall("propose", "{\"direction\":\"east\"}");
                case 1 -> Reply.toolCall("accept", "{\"reason\":\"fine\"}");
                default -> Reply.text(turn < 8 ? LlmHarness.speak(agent + " reports what it sees at turn " + turn)
                        : LlmHarness.leave("Stopping here."));
            };
            // conversations: a few turns of talk, then goodbye
            default -> (agent, turn, r) -> Reply.text(turn < 8
                    ? LlmHarness.speak(agent + " says something about the matter at turn " + turn)
                    : LlmHarness.leave("Thanks, goodbye."));
        };
    }

    private static String firstFile(Received r) {
        Matcher m = FILES.matcher(r.lastUserText());
        return m.find() ? m.group(1) : "missing";
    }
}
