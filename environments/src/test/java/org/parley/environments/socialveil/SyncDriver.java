package org.parley.environments.socialveil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.spi.EnvironmentType;
import org.parley.environments.spi.RuleBasedMinds;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/**
 * A small synchronous episode runner for tests: strict alternation in the agents' declared order,
 * observations delivered to each mind, stops when the environment ends the episode or after
 * {@code maxTurns} (then {@link Environment#end} is called with {@code max-turns}).
 */
public final class SyncDriver {

    /** One episode's record. */
    public record Run(Outcome outcome, List<String> transcript, List<Event> events, String endReason,
            Map<String, Mind> minds, Environment environment, List<Observation> observations) {

        public long count(String eventType) {
            return events.stream().filter(e -> e.type().equals(eventType)).count();
        }
    }

    private SyncDriver() {}

    public static <P, T extends EnvironmentType<P> & RuleBasedMinds<P>> Run run(T type, P params, List<AgentSetup> agents, String condition, long seed,
            int maxTurns, SimulationMetrics metrics) {
        var ctx = new EpisodeContext(condition + "/0", condition, seed,
                agents.stream().map(AgentSetup::participant).toList(), metrics);
        Environment env = type.create(params, ctx);
        var minds = new LinkedHashMap<String, Mind>();
        for (AgentSetup a : agents) {
            minds.put(a.id(), type.ruleBasedMind(params, a, ctx));
        }
        var transcript = new ArrayList<String>();
        var events = new ArrayList<Event>();
        var observations = new ArrayList<Observation>();
        Step step = env.start(ctx);
        deliver(step, minds, events, observations);
        String reason = step.endReason();
        int turn = 0;
        while (reason == null && turn < maxTurns) {
            String agent = agents.get(turn % agents.size()).id();
            var action = minds.get(agent).decide(new Turn(agent, turn, env.actionSpace(agent))).toCompletableFuture().join();
            transcript.add(agent + " [" + action.kind() + "] " + action.text() + " " + action.args());
            step = env.act(action);
            deliver(step, minds, events, observations);
            reason = step.endReason();
            turn++;
        }
        if (reason == null) {
            reason = "max-turns";
            deliver(env.end(reason), minds, events, observations);
        }
        minds.values().forEach(Mind::close);
        return new Run(env.outcome(), transcript, events, reason, minds, env, observations);
    }

    private static void deliver(Step step, Map<String, Mind> minds, List<Event> events, List<Observation> observations) {
        for (Observation o : step.observations()) {
            observations.add(o);
            var m = minds.get(o.agent());
            if (m != null) {
                m.perceive(o);
            }
        }
        events.addAll(step.events());
    }
}
