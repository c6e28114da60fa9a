package org.parley.environments.spi;

import java.util.List;

/**
 * One episode as an environment type sees it when it builds the environment and its minds.
 *
 * @param episodeId the episode's id
 * @param condition the condition's name
 * @param seed      the episode seed
 * @param agents    participants in declared order
 */
public record EpisodeSetup(String episodeId, String condition, long seed, List<AgentSetup> agents) {

    public EpisodeSetup {
        agents = List.copyOf(agents);
    }

    public AgentSetup agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agent " + id + " in episode " + episodeId));
    }
}
