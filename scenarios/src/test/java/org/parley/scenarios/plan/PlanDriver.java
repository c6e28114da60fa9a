package org.parley.scenarios.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Step;
import org.parley.runtime.episode.EpisodeResolver;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * Plays a plan's episodes one after another on the calling thread, round-robin, with the episodes
 * the resolver builds, and tells the sinks each episode's start, score and end: enough to test
 * planning and outputs without the actor kernel.
 */
public final class PlanDriver {
    private PlanDriver() {}

    /** Runs at most {@code limit} episodes of the plan (a "kill" after that many: the sinks are not finished then). */
    public static int run(RunPlan plan, EpisodeResolver resolver, List<EventSink> sinks, int limit) {
        sinks.forEach(s -> s.runStarted(plan));
        int ran = 0;
        for (EpisodeSpec spec : plan.episodes()) {
            if (ran == limit) {
                return ran;
            }
            var resolved = resolver.resolve(spec);
            var agents = new ArrayList<EpisodeEvent.Started.Agent>();
            resolved.agents().forEach(a -> agents.add(new EpisodeEvent.Started.Agent(a.id(), a.role(), "")));
            emit(sinks, new EpisodeEvent.Started(spec.id(), spec.condition(), spec.index(), spec.seed(), "round-robin", agents));
            EpisodeResult result = play(spec, resolved);
            emit(sinks, new EpisodeEvent.Scored(spec.id(), result.turns(), result.outcome()));
            emit(sinks, new EpisodeEvent.Finished(spec.id(), result.turns(), result, 0));
            ran++;
        }
        sinks.forEach(EventSink::flush);
        var report = new RunReport(plan.runId(), plan.episodes().size(), ran, 0, 0, java.time.Duration.ZERO);
        sinks.forEach(s -> s.runFinished(report));
        return ran;
    }

    private static void emit(List<EventSink> sinks, EpisodeEvent event) {
        sinks.forEach(s -> s.accept(event));
    }

    static EpisodeResult play(EpisodeSpec spec, ResolvedEpisode e) {
        var participants = new ArrayList<EpisodeContext.Participant>();
        for (ResolvedEpisode.Agent a : e.agents()) {
            participants.add(new EpisodeContext.Participant(a.id(), a.role(), a.seed(), a.profile()));
        }
        var context = new EpisodeContext(spec.id(), spec.condition(), spec.seed(), participants, SimulationMetrics.NONE);
        Environment env = e.environment().create(context);
        List<Mind> minds = new ArrayList<>();
        var agents = new LinkedHashMap<String, EpisodeResult.AgentInfo>();
        for (ResolvedEpisode.Agent a : e.agents()) {
            Mind m = a.mind().create(context, a.seed());
            minds.add(m);
            agents.put(a.id(), new EpisodeResult.AgentInfo(a.role(), m.describe()));
        }
        Step step = env.start(context);
        long turn = 0;
        long actions = 0;
        String reason = "max-turns";
        while (turn < e.limits().maxTurns()) {
            int who = (int) (turn % minds.size());
            String id = e.agents().get(who).id();
            var action = minds.get(who).decide(new Turn(id, turn, env.actionSpace(id))).toCompletableFuture().join();
            step = env.act(action);
            actions++;
            for (Observation o : step.observations()) {
                minds.get(indexOf(e, o.agent())).perceive(o);
            }
            turn++;
            if (step.isDone()) {
                reason = step.endReason();
                break;
            }
        }
        return new EpisodeResult(spec.id(), spec.condition(), spec.index(), spec.seed(), EpisodeResult.Status.COMPLETED,
                reason, turn, actions, env.outcome(), agents);
    }

    /** Plays one episode of the plan with its resolver. */
    public static EpisodeResult play(RunPlan plan, EpisodeResolver resolver, int index) {
        var spec = plan.episodes().get(index);
        return play(spec, resolver.resolve(spec));
    }

    private static int indexOf(ResolvedEpisode e, String agent) {
        for (int i = 0; i < e.agents().size(); i++) {
            if (e.agents().get(i).id().equals(agent)) {
                return i;
            }
        }
        throw new IllegalArgumentException(agent);
    }
}
