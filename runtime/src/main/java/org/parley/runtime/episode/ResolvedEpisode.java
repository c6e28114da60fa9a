package org.parley.runtime.episode;

import java.util.List;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.Limits;

/**
 * One episode resolved on its node: everything needed to run it. Lives on the node only (it holds
 * factories), never in a message.
 *
 * @param protocol    turn-taking
 * @param limits      when the runtime ends the episode on its own (null: {@link Limits#defaults()})
 * @param environment builds the environment of the episode
 * @param agents      participants in declared order
 * @param evaluator   scores the episode after the environment (LLM judges), or null
 */
public record ResolvedEpisode(
        TurnProtocol protocol, Limits limits, EnvironmentFactory environment, List<Agent> agents,
        EpisodeEvaluator evaluator) {

    public ResolvedEpisode {
        agents = List.copyOf(agents);
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("an episode needs at least one agent");
        }
        if (limits == null) {
            limits = Limits.defaults();
        }
    }

    /** An episode scored by its environment alone. */
    public ResolvedEpisode(TurnProtocol protocol, Limits limits, EnvironmentFactory environment, List<Agent> agents) {
        this(protocol, limits, environment, agents, null);
    }

    /**
     * Builds the environment of one episode. The context is the one its {@link Environment#start}
     * receives: the episode's id, condition and seed, every participant (with its seed and
     * profile), and where to report metrics.
     */
    @FunctionalInterface
    public interface EnvironmentFactory {
        Environment create(EpisodeContext context);
    }

    /**
     * Builds the mind of one agent. Called after the environment has been built, with the same
     * context and the agent's own seed (its participant's {@code seed}).
     */
    @FunctionalInterface
    public interface MindFactory {
        Mind create(EpisodeContext context, long agentSeed);
    }

    /**
     * One participant.
     *
     * @param seed    the agent's own seed, derived from (run seed, condition, episode, agent): see
     *                {@link org.parley.runtime.seed.Seeds#agent}
     * @param profile who the agent is, as the scenario describes it (a {@code Persona} in Parley's
     *                scenarios), or null; the kernel hands it to the environment untouched, in
     *                {@link EpisodeContext.Participant#profile()}
     */
    public record Agent(String id, String role, long seed, Object profile, MindFactory mind) {}
}
