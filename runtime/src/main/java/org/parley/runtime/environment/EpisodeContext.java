package org.parley.runtime.environment;

import java.util.List;
import org.parley.runtime.metrics.SimulationMetrics;

/**
 * One episode as its environment and its minds see it. The kernel builds it once, before anything
 * of the episode exists, and hands the same context to the environment's factory, to every mind's
 * factory and to {@link Environment#start}.
 *
 * @param episodeId  stable id of the episode inside its run (e.g. {@code baseline/0007})
 * @param condition  name of the condition this episode belongs to
 * @param seed       the episode's seed; derive any randomness from it
 * @param agents     participants in turn order as declared in the scenario
 * @param metrics    where the environment reports its own named metrics (never Micrometer types), from
 *                   {@link Environment#start} on; null means {@link SimulationMetrics#NONE}
 */
public record EpisodeContext(
        String episodeId, String condition, long seed, List<Participant> agents, SimulationMetrics metrics) {

    public EpisodeContext {
        agents = List.copyOf(agents);
        if (metrics == null) {
            metrics = SimulationMetrics.NONE;
        }
    }

    /** The participant with this id. */
    public Participant agent(String id) {
        for (Participant p : agents) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no agent '" + id + "' in episode " + episodeId + " (agents: "
                + agents.stream().map(Participant::id).toList() + ")");
    }

    /**
     * One agent of the episode.
     *
     * @param id      its id
     * @param role    the role it plays in the environment
     * @param seed    its own seed, derived from (run seed, condition, episode, agent): see
     *                {@link org.parley.runtime.seed.Seeds#agent}
     * @param profile who the agent is, as the scenario describes it — in Parley's scenarios a
     *                {@code Persona}; the kernel passes it through untouched (null when there is none)
     */
    public record Participant(String id, String role, long seed, Object profile) {}
}
