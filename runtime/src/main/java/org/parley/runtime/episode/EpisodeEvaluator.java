package org.parley.runtime.episode;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.EpisodeSpec;

/**
 * Scores a finished episode after its environment has (an LLM judge reading the transcript, for
 * example). The kernel calls it once the environment's {@link Outcome} is known, without blocking
 * the episode's actor, and waits for the stage before it reports the episode as finished, so the
 * evaluator's scores land in results and summaries like the environment's own.
 *
 * <p>Only completed episodes are evaluated. A stage that fails is recorded as a
 * {@link EpisodeEvent.Failed} in phase {@code evaluator}; the episode keeps its status and the
 * environment's scores, and the evaluator's scores are simply missing for it.
 */
@FunctionalInterface
public interface EpisodeEvaluator {

    /**
     * @param episode the episode
     * @param events  every event of the episode so far (start, observations, actions, facts), in order
     * @param outcome the environment's outcome
     * @return the outcome to report (typically {@code outcome} with scores added) and facts to record
     */
    CompletionStage<Evaluation> evaluate(EpisodeSpec episode, List<EpisodeEvent> events, Outcome outcome);

    /**
     * What an evaluation adds to an episode.
     *
     * @param outcome the outcome the episode reports
     * @param facts   recorded before the episode's end (a judge's reasoning, a judge that could not complete)
     */
    record Evaluation(Outcome outcome, List<Fact> facts) {
        public Evaluation {
            facts = List.copyOf(facts);
        }
    }
}
