package org.parley.environments.codebase.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.persona.Persona;
import org.parley.environments.codebase.CodebaseEnvironmentType;
import org.parley.environments.codebase.CodebaseParams;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.seed.Seeds;

/**
 * Runs one codebase episode synchronously, round-robin, without the actor runtime: start, route
 * observations to {@link Mind#perceive}, ask each agent in declared order, act, until the
 * environment ends the episode, a turn cap is hit, or nobody has acted for {@code staleRounds}
 * rounds. It is what the tests and the benchmark use; scenario runs go through the runtime.
 */
public final class PlainDriver {

    /** One coder of an episode. */
    public record Coder(String id, Persona persona, Map<String, Object> params) {}

    /** What an episode produced. */
    public record Result(Outcome outcome, List<Event> events, String endReason, int turns) {
        public double score(String name) {
            return outcome.episodeScores().getOrDefault(name, Double.NaN);
        }

        public long count(String eventType) {
            return events.stream().filter(e -> e.type().equals(eventType)).count();
        }
    }

    private final CodebaseEnvironmentType type = new CodebaseEnvironmentType();
    private final int maxTurns;
    private final int staleRounds;

    public PlainDriver(int maxTurns, int staleRounds) {
        this.maxTurns = maxTurns;
        this.staleRounds = staleRounds;
    }

    public PlainDriver() {
        this(400, 8);
    }

    public Result run(CodebaseParams params, List<Coder> coders, String condition, int index, long runSeed) {
        long episodeSeed = Seeds.episode(runSeed, condition, index);
        String episodeId = condition + "/" + String.format("%04d", index);
        var setups = new ArrayList<AgentSetup>();
        for (Coder c : coders) {
            setups.add(new AgentSetup(c.id(), CodebaseEnvironmentType.ROLE, c.persona(), "coder", c.params(),
                    Seeds.agent(episodeSeed, c.id())));
        }
        var context = new EpisodeContext(episodeId, condition, episodeSeed,
                setups.stream().map(AgentSetup::participant).toList(), SimulationMetrics.NONE);
        Environment env = type.create(params, context);
        var minds = new LinkedHashMap<String, Mind>();
        for (AgentSetup a : setups) minds.put(a.id(), type.ruleBasedMind(params, a, context));
        var events = new ArrayList<Event>();
        Step step = env.start(context);
        deliver(step, minds, events);
        int turn = 0;
        int idleRounds = 0;
        String end = step.endReason();
        while (end == null) {
            boolean anyActed = false;
            for (var entry : minds.entrySet()) {
                Action action = entry.getValue().decide(new Turn(entry.getKey(), turn, env.actionSpace(entry.getKey())))
                        .toCompletableFuture().join();
                turn++;
                if (!action.is("none")) anyActed = true;
                step = env.act(action);
                deliver(step, minds, events);
                if (step.isDone()) {
                    end = step.endReason();
                    break;
                }
            }
            if (end != null) break;
            idleRounds = anyActed ? 0 : idleRounds + 1;
            if (turn >= maxTurns || idleRounds >= staleRounds) {
                end = turn >= maxTurns ? "max-turns" : "stale";
                events.addAll(env.end(end).events());
            }
        }
        minds.values().forEach(Mind::close);
        return new Result(env.outcome(), events, end, turn);
    }

    private static void deliver(Step step, Map<String, Mind> minds, List<Event> events) {
        step.observations().forEach(o -> minds.get(o.agent()).perceive(o));
        events.addAll(step.events());
    }
}
