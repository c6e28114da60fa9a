package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.runtime.kernel.Plans.agent;
import static org.parley.runtime.kernel.Plans.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.episode.EpisodeEvaluator;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.output.TranscriptEntry;

/** The evaluator hook: scores merged after the environment's, failures recorded, never blocking. */
class EvaluatorTest extends KernelTest {

    private static ScriptedMind talker() {
        return new ScriptedMind("test:talker", (t, s) -> Action.speak(t.agent(), "line " + t.number()));
    }

    private static Plans.TestEpisode plan(String id, EpisodeEvaluator evaluator) {
        return Plans.episode(id, new TurnProtocol.RoundRobin(), limits(3), new Room(null),
                List.of(agent("a", talker()), agent("b", talker())), evaluator);
    }

    @Test
    void evaluatorScoresAreMergedAndItsEventsRecordedBeforeTheEnd() {
        var seen = new AtomicReference<List<EpisodeEvent>>();
        var executor = Executors.newSingleThreadScheduledExecutor();
        try {
            EpisodeEvaluator evaluator = (plan, transcript, outcome) -> {
                seen.set(transcript);
                var scores = new LinkedHashMap<String, Map<String, Double>>();
                outcome.agentScores().forEach((a, s) -> scores.put(a, new LinkedHashMap<>(s)));
                scores.computeIfAbsent("a", k -> new LinkedHashMap<>()).put("judge_goal", 7.0);
                var merged = new Outcome(scores, outcome.episodeScores());
                // answers later, on another thread, as a model call would
                return CompletableFuture.supplyAsync(() -> new EpisodeEvaluator.Evaluation(merged,
                        List.of(new Fact("judged", null, Map.of("rubric", "test")))),
                        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS, executor));
            };
            var sink = new RecordingSink();
            var report = Plans.runOn(kit, Plans.run(plan("ev/1", evaluator)), sink);

            assertThat(report.completed()).isEqualTo(1);
            EpisodeResult result = sink.result("ev/1");
            assertThat(result.status()).isEqualTo(EpisodeResult.Status.COMPLETED);
            assertThat(result.outcome().agentScores().get("a")).containsEntry("judge_goal", 7.0);
            assertThat(seen.get()).hasAtLeastOneElementOfType(EpisodeEvent.Acted.class)
                    .doesNotHaveAnyElementsOfTypes(EpisodeEvent.Finished.class);
            List<String> types = sink.transcript("ev/1").stream().map(TranscriptEntry::type).toList();
            assertThat(types.get(types.size() - 2)).isEqualTo(TranscriptEntry.EVENT);
            assertThat(types.get(types.size() - 1)).isEqualTo(TranscriptEntry.EPISODE_END);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFailingEvaluatorIsRecordedAndTheEnvironmentsScoresKept() {
        EpisodeEvaluator evaluator = (plan, transcript, outcome) ->
                CompletableFuture.failedFuture(new IllegalStateException("judge model unreachable"));
        var sink = new RecordingSink();
        Plans.runOn(kit, Plans.run(plan("ev/2", evaluator)), sink);
        var plain = new RecordingSink();
        Plans.runOn(kit, Plans.run(plan("ev/3", null)), plain);

        EpisodeResult result = sink.result("ev/2");
        assertThat(result.status()).isEqualTo(EpisodeResult.Status.COMPLETED);
        assertThat(result.outcome()).isEqualTo(plain.result("ev/3").outcome());
        var failures = sink.entries("ev/2", TranscriptEntry.FAILURE);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).data()).containsEntry("phase", "evaluator")
                .containsEntry("message", "judge model unreachable");
    }

    @Test
    void anEvaluatorThatThrowsIsTreatedAsAFailedEvaluation() {
        EpisodeEvaluator evaluator = (plan, transcript, outcome) -> {
            throw new IllegalArgumentException("bad rubric");
        };
        var sink = new RecordingSink();
        Plans.runOn(kit, Plans.run(plan("ev/4", evaluator)), sink);
        assertThat(sink.result("ev/4").status()).isEqualTo(EpisodeResult.Status.COMPLETED);
        assertThat(sink.entries("ev/4", TranscriptEntry.FAILURE).get(0).data()).containsEntry("message", "bad rubric");
    }
}
