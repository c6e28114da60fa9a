package org.parley.environments.maze;

import java.util.List;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.spi.EnvironmentType;
import org.parley.environments.spi.RuleBasedMinds;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.seed.Seeds;

/**
 * {@code environment.type: maze} — the split-knowledge maze of the Collaboration Gap setting.
 * One role, {@code navigator}; rule-based policy {@code navigator} ({@link NavigatorMind}).
 *
 * <p>Navigator skills come from persona extensions {@code grounding-skill}, {@code spatial-skill},
 * {@code trust}, {@code verbosity} and {@code coordinate-convention} (a {@link Convention} label),
 * each overridable in {@code mind.params}; {@code mind.params.relay} swaps skills at a set turn.
 * Without a {@code coordinate-convention} an agent's habit is drawn from its seed.
 */
public final class MazeEnvironmentType implements EnvironmentType<MazeParams>, RuleBasedMinds<MazeParams> {
    public static final String NAME = "maze";
    public static final String ROLE = "navigator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Split-knowledge maze: two agents see different halves of a grid and must agree on every move";
    }

    @Override
    public List<String> roles(MazeParams parameters) {
        return List.of(ROLE);
    }

    @Override
    public List<String> check(MazeParams parameters) {
        return parameters.problems();
    }

    @Override
    public Environment create(MazeParams parameters, EpisodeContext context) {
        return new MazeEnvironment(parameters);
    }

    @Override
    public Mind ruleBasedMind(MazeParams parameters, AgentSetup agent, EpisodeContext context) {
        var policy = agent.policy() == null ? NavigatorMind.POLICY : agent.policy();
        if (!policy.equals(NavigatorMind.POLICY)) {
            throw new IllegalArgumentException("agent " + agent.id() + ": the maze has no rule-based policy '" + policy
                    + "'; use policy: " + NavigatorMind.POLICY);
        }
        var schedule = SkillSchedule.of(agent.persona(), agent.params());
        return new NavigatorMind(agent.id(), agent.seed(), schedule, convention(agent));
    }

    /** The agent's habitual convention: persona or params {@code coordinate-convention}, else seeded. */
    static Convention convention(AgentSetup agent) {
        Object label = agent.params().get("coordinate-convention");
        if (label == null && agent.persona() != null) {
            label = agent.persona().extensions().get("coordinate-convention");
        }
        if (label != null) {
            var text = String.valueOf(label);
            return Convention.parse(text).orElseThrow(() -> new IllegalArgumentException("agent " + agent.id()
                    + ": coordinate-convention '" + text + "' is unknown; use one of "
                    + Convention.all().stream().map(Convention::label).toList()));
        }
        var all = Convention.all();
        return all.get((int) Math.floorMod(Seeds.derive(agent.seed(), "convention"), (long) all.size()));
    }
}
