package org.parley.scenarios.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;

/**
 * Plays a plan's episodes one after another on the calling thread, round-robin, with the plan's
 * own factories: enough to test planning and outputs without the actor kernel.
 */
public final class PlanDriver {
    private PlanDriver() {}

    /** Runs at most {@code limit} episodes of the plan (a "kill" after that many). */
    public static int run(RunPlan plan, RunListener listener, int limit) {
        int ran = 0;
        for (EpisodePlan e : plan.episodes()) {
            if (ran == limit) {
                break;
            }
            listener.episodeStarted(e);
            listener.episodeFinished(play(e), Duration.ZERO);
            ran++;
        }
        return ran;
    }

    static EpisodeResult play(EpisodePlan e) {
        Environment env = e.environment().create(e.seed());
        List<Mind> minds = new ArrayList<>();
        var participants = new ArrayList<EpisodeContext.Participant>();
        var agents = new LinkedHashMap<String, EpisodeResult.AgentInfo>();
        for (EpisodePlan.AgentPlan a : e.agents()) {
            Mind m = a.mind().create(a.seed());
            minds.add(m);
            participants.add(new EpisodeContext.Participant(a.id(), a.role()));
            agents.put(a.id(), new EpisodeResult.AgentInfo(a.role(), m.describe()));
        }
        Step step = env.start(new EpisodeContext(e.id(), e.condition(), e.seed(), participants, SimulationMetrics.NONE));
        long turn = 0;
        String reason = "max-turns";
        while (turn < e.limits().maxTurns()) {
            int who = (int) (turn % minds.size());
            String id = e.agents().get(who).id();
            var action = minds.get(who).decide(new Turn(id, turn, env.actionSpace(id))).toCompletableFuture().join();
            step = env.act(action);
            for (Observation o : step.observations()) {
                minds.get(indexOf(e, o.agent())).perceive(o);
            }
            turn++;
            if (step.isDone()) {
                reason = step.endReason();
                break;
            }
        }
        return new EpisodeResult(e.id(), e.condition(), e.index(), e.seed(), EpisodeResult.Status.COMPLETED, reason,
                turn, env.outcome(), agents);
    }

    private static int indexOf(EpisodePlan e, String agent) {
        for (int i = 0; i < e.agents().size(); i++) {
            if (e.agents().get(i).id().equals(agent)) {
                return i;
            }
        }
        throw new IllegalArgumentException(agent);
    }
}
