package org.parley.runtime.run;

import java.util.List;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.protocol.TurnProtocol;

/**
 * Everything needed to run one episode. Factories are called inside the episode, on its actors,
 * so building a plan is cheap even for a million episodes.
 *
 * @param id        unique within the run, e.g. {@code baseline/0007}; also the transcript path
 * @param condition the condition's name
 * @param index     the episode's number within its condition
 * @param seed      the episode seed (see {@link org.parley.runtime.seed.Seeds})
 * @param protocol  turn-taking
 * @param limits    when the runtime ends the episode on its own
 * @param environment builds the environment for this episode
 * @param agents    participants in declared order
 * @param evaluator scores the episode after the environment (LLM judges), or null
 */
public record EpisodePlan(
        String id, String condition, int index, long seed, TurnProtocol protocol, Limits limits,
        EnvironmentFactory environment, List<AgentPlan> agents, EpisodeEvaluator evaluator) {

    public EpisodePlan {
        agents = List.copyOf(agents);
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("episode " + id + " has no agents");
        }
    }

    /** An episode scored by its environment alone. */
    public EpisodePlan(String id, String condition, int index, long seed, TurnProtocol protocol, Limits limits,
            EnvironmentFactory environment, List<AgentPlan> agents) {
        this(id, condition, index, seed, protocol, limits, environment, agents, null);
    }

    /** Builds an environment for one episode. */
    @FunctionalInterface
    public interface EnvironmentFactory {
        Environment create(long episodeSeed);
    }

    /** Builds the mind of one agent for one episode. */
    @FunctionalInterface
    public interface MindFactory {
        Mind create(long agentSeed);
    }

    /**
     * One participant.
     *
     * @param seed the agent's own seed, derived from (run seed, condition, episode, agent)
     */
    public record AgentPlan(String id, String role, long seed, MindFactory mind) {}
}
