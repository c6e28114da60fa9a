package org.parley.runtime.run;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Outcome;

/**
 * Scores a finished episode after its environment has (an LLM judge reading the transcript, for
 * example). The kernel calls it once the environment's {@link Outcome} is known, without blocking
 * the episode's actor, and waits for the stage before it reports the episode as finished, so the
 * evaluator's scores land in results and summaries like the environment's own.
 *
 * <p>Only completed episodes are evaluated. A stage that fails is written to the transcript as a
 * {@code failure} entry in phase {@code evaluator}; the episode keeps its status and the
 * environment's scores, and the evaluator's scores are simply missing for it.
 */
@FunctionalInterface
public interface EpisodeEvaluator {

    /**
     * @param plan       the episode
     * @param transcript every transcript entry written so far (start, observations, actions, events)
     * @param outcome    the environment's outcome
     * @return the outcome to report (typically {@code outcome} with scores added) and events to record
     */
    CompletionStage<Evaluation> evaluate(EpisodePlan plan, List<TranscriptEntry> transcript, Outcome outcome);

    /**
     * What an evaluation adds to an episode.
     *
     * @param outcome the outcome the episode reports
     * @param events  written to the transcript before the episode's end (a judge's reasoning, a
     *                judge that could not complete)
     */
    record Evaluation(Outcome outcome, List<Event> events) {
        public Evaluation {
            events = List.copyOf(events);
        }
    }
}
