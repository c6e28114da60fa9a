package org.parley.environments.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.dialogue.setting.DialogueParams;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.seed.Seeds;

/**
 * A tiny synchronous stand-in for the runtime in tests: start the environment, hand observations to
 * the minds, let agents take turns in declared order (from {@code first}) until the environment
 * ends the episode or the turn cap is hit.
 */
final class AlternatingLoop {

    record Run(List<Action> actions, List<Event> events, List<Observation> observations, String endReason,
            Outcome outcome) {

        /** The transcript of actions as comparable lines. */
        List<String> lines() {
            return actions.stream().map(a -> a.agent() + " " + a.kind() + " " + a.text() + " " + a.args()).toList();
        }

        long eventCount(String type) {
            return events.stream().filter(e -> e.type().equals(type)).count();
        }

        double agent(String id, String score) {
            return outcome.agentScores().get(id).get(score);
        }

        Double episode(String score) {
            return outcome.episodeScores().get(score);
        }
    }

    private AlternatingLoop() {}

    static Run run(DialogueParams params, List<AgentSetup> agents, String first, long episodeSeed, int maxTurns,
            SimulationMetrics metrics) {
        var type = new DialogueType();
        var context = new EpisodeContext("test/0000", "test", episodeSeed,
                agents.stream().map(AgentSetup::participant).toList(), metrics);
        var env = type.create(params, context);
        var minds = new LinkedHashMap<String, Mind>();
        var order = new ArrayList<String>();
        for (AgentSetup a : agents) {
            minds.put(a.id(), type.ruleBasedMind(params, a, context));
            order.add(a.id());
        }
        var actions = new ArrayList<Action>();
        var events = new ArrayList<Event>();
        var observations = new ArrayList<Observation>();
        Step step = env.start(context);
        deliver(step, minds, events, observations);
        int at = order.indexOf(first);
        long turn = 0;
        while (!step.isDone() && turn < maxTurns) {
            String agent = order.get(at);
            Action action = minds.get(agent).decide(new Turn(agent, turn, env.actionSpace(agent)))
                    .toCompletableFuture().join();
            actions.add(action);
            step = env.act(action);
            deliver(step, minds, events, observations);
            at = (at + 1) % order.size();
            turn++;
        }
        String reason = step.endReason();
        if (reason == null) {
            var last = env.end("max-turns");
            events.addAll(last.events());
            reason = "max-turns";
        }
        return new Run(actions, events, observations, reason, env.outcome());
    }

    private static void deliver(Step step, Map<String, Mind> minds, List<Event> events, List<Observation> observations) {
        for (Observation o : step.observations()) {
            observations.add(o);
            minds.get(o.agent()).perceive(o);
        }
        events.addAll(step.events());
    }

    /** Agent setups with seeds derived the way the runtime derives them. */
    static long agentSeed(long episodeSeed, String id) {
        return Seeds.agent(episodeSeed, id);
    }
}
