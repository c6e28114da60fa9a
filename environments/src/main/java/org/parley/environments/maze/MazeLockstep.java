package org.parley.environments.maze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.persona.Persona;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.seed.Seeds;

/**
 * Plays maze episodes with rule-based minds in the calling thread, alternating turns as the
 * {@code alternating} protocol does, without the actor runtime. It exists for calibration and
 * for the benchmark; scenario runs go through the runtime.
 */
public final class MazeLockstep {

    /** An agent as a scenario declares it. */
    public record Agent(String id, Persona persona, Map<String, Object> params) {}

    /**
     * One finished episode.
     *
     * @param endReason why it ended
     * @param turns     turns played, including an absent agent's
     * @param log       one line per action and event, when asked for
     */
    public record Episode(Outcome outcome, String endReason, long turns, List<String> log) {

        public double score(String name) {
            return outcome.episodeScores().getOrDefault(name, Double.NaN);
        }
    }

    private final MazeEnvironmentType type = new MazeEnvironmentType();

    /**
     * @param firstSpeaker id of the agent that opens (alternating protocol), or null for the first
     * @param maxTurns     the runtime's turn cap ({@code limits.max-turns})
     */
    public Episode play(MazeParams params, List<Agent> agents, String firstSpeaker, String condition, String episodeId,
            long seed, int maxTurns, boolean keepLog) {
        var setups = agents.stream()
                .map(a -> new AgentSetup(a.id(), MazeEnvironmentType.ROLE, a.persona(), NavigatorMind.POLICY, a.params(),
                        Seeds.agent(seed, a.id())))
                .toList();
        var context = new EpisodeContext(episodeId, condition, seed, setups.stream().map(AgentSetup::participant).toList(),
                SimulationMetrics.NONE);
        var environment = type.create(params, context);
        var minds = new LinkedHashMap<String, Mind>();
        for (var a : setups) {
            minds.put(a.id(), type.ruleBasedMind(params, a, context));
        }
        var order = new ArrayList<String>(minds.keySet());
        if (firstSpeaker != null) {
            if (!order.remove(firstSpeaker)) {
                throw new IllegalArgumentException("first speaker '" + firstSpeaker + "' is not an agent: " + order);
            }
            order.addFirst(firstSpeaker);
        }
        var log = keepLog ? new ArrayList<String>() : null;
        Consumer<Step> deliver = step -> {
            step.observations().forEach(o -> minds.get(o.agent()).perceive(o));
            if (log != null) {
                for (Event e : step.events()) {
                    log.add("event " + e.type() + (e.agent() == null ? "" : " " + e.agent()) + " " + e.data());
                }
            }
        };
        var step = environment.start(context);
        deliver.accept(step);
        long turn = 0;
        String reason = step.endReason();
        while (reason == null && turn < maxTurns) {
            var agent = order.get((int) (turn % order.size()));
            var mind = minds.get(agent);
            var action = mind.decide(new Turn(agent, turn, environment.actionSpace(agent))).toCompletableFuture().join();
            if (log != null && !action.is(ActionKinds.NONE)) {
                log.add(turn + " " + agent + " " + action.kind() + " " + action.args() + " " + action.text());
            }
            step = environment.act(action);
            deliver.accept(step);
            reason = step.endReason();
            turn++;
        }
        if (reason == null) {
            reason = "max-turns";
            deliver.accept(environment.end(reason));
        }
        minds.values().forEach(Mind::close);
        return new Episode(environment.outcome(), reason, turn, log == null ? List.of() : List.copyOf(log));
    }
}
