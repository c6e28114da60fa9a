package org.parley.runtime.run;

import java.util.List;

/**
 * A run as the kernel sees it: the episodes still to do and how many may run at once. Plain data;
 * resuming a run is a plan without the episodes that already finished.
 *
 * @param runId       the run's id (its folder name under {@code runs/})
 * @param scenario    scenario name, used as a metric tag
 * @param environment environment type name, used as a metric tag
 * @param episodes    episodes to run, in the order they should start
 * @param parallelism at most this many episodes run at once (≥ 1)
 * @param timestamps  how transcript entries are stamped
 */
public record RunPlan(
        String runId, String scenario, String environment, List<EpisodeSpec> episodes, int parallelism,
        Timestamps timestamps) {

    public RunPlan {
        episodes = List.copyOf(episodes);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (timestamps == null) {
            timestamps = Timestamps.LOGICAL;
        }
    }

    /**
     * {@code LOGICAL} stamps each entry with milliseconds on the episode's own simulated clock, which
     * advances with the turn counter, so transcripts of the same seed are byte-identical.
     * {@code WALL} stamps real instants, for latency studies of LLM runs.
     */
    public enum Timestamps { LOGICAL, WALL }
}
