package org.parley.runtime.environment;

import java.util.List;
import org.parley.runtime.metrics.SimulationMetrics;

/**
 * What an environment learns about the episode it runs.
 *
 * @param episodeId  stable id of the episode inside its run (e.g. {@code baseline/0007})
 * @param condition  name of the condition this episode belongs to
 * @param seed       the episode's seed; derive any randomness from it
 * @param agents     participants in turn order as declared in the scenario
 * @param metrics    where the environment reports its own named metrics (never Micrometer types)
 */
public record EpisodeContext(
        String episodeId, String condition, long seed, List<Participant> agents, SimulationMetrics metrics) {

    public EpisodeContext {
        agents = List.copyOf(agents);
    }

    /** One agent of the episode: its id and the role it plays in the environment. */
    public record Participant(String id, String role) {}
}
