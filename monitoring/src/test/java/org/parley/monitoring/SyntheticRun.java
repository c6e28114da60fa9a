package org.parley.monitoring;

import static org.parley.monitoring.EpisodeScript.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * Plays a run's event stream into a sink the way the kernel does, without actors: two conditions
 * of a two-agent episode with questions, tool actions, commitments, conflicts, repair attempts,
 * joint success, simultaneous rounds with a straggler and its late answer, facts, environment
 * metrics and scores, and failed episodes. Seeded, so the same arguments give the same events.
 */
public final class SyntheticRun {
    public static final String SCENARIO = "synthetic";
    public static final String ENVIRONMENT = "synthetic-dialogue";
    private static final Map<String, Object> NO_DATA = Map.of();

    private SyntheticRun() {}

    public static RunPlan plan(int episodesPerCondition, long seed) {
        var episodes = new ArrayList<EpisodeSpec>();
        for (var condition : List.of("baseline", "vague")) {
            for (int i = 0; i < episodesPerCondition; i++) {
                episodes.add(new EpisodeSpec("synthetic", condition, i, seed + i));
            }
        }
        return new RunPlan("synthetic-run", SCENARIO, ENVIRONMENT, episodes, 2, RunPlan.Timestamps.LOGICAL);
    }

    /** Runs the whole plan; the last episode of the baseline condition fails. */
    public static RunReport drive(EventSink sink, RunPlan plan) {
        sink.runStarted(plan);
        int completed = 0, failed = 0;
        long actions = 0;
        long baseline = plan.episodes().stream().filter(e -> e.condition().equals("baseline")).count();
        for (var episode : plan.episodes()) {
            boolean fail = episode.condition().equals("baseline") && episode.index() == baseline - 1;
            actions += episode(sink, episode, fail);
            if (fail) {
                failed++;
            } else {
                completed++;
            }
        }
        var report = new RunReport(plan.runId(), plan.episodes().size(), completed, failed, actions, Duration.ofSeconds(1));
        sink.flush();
        sink.runFinished(report);
        return report;
    }

    /**
     * Plays one episode: six turns, the first a question. Under "baseline" (simultaneous rounds)
     * it is answered and the joint goal reached; under "vague" (a declared barrier) an edit follows
     * the question, a commitment breaks, a merge conflicts and the goal is missed. Returns the
     * number of actions.
     */
    public static long episode(EventSink sink, EpisodeSpec spec, boolean fail) {
        var random = new SplittableRandom(spec.seed());
        boolean vague = spec.condition().equals("vague");
        var e = EpisodeScript.start(sink, spec, vague ? "alternating" : "simultaneous",
                agent("a", "client", "llm:synthetic-model"), agent("b", "counselor", "rule-based:counselor"));
        if (vague) {
            e.coordinated(new Coordination.BarrierDeclared(null, "semantic-vagueness"));
        }
        int turns = 6;
        for (int turn = 1; turn <= turns; turn++) {
            e.turn(random.nextInt(3));
            var actor = turn % 2 == 1 ? "a" : "b";
            var other = actor.equals("a") ? "b" : "a";
            Action action = switch (turn) {
                case 1 -> Action.speak(actor, "Can you take the parser while I do the CLI?").addressedTo(other);
                case 2 -> vague ? Action.of(actor, "edit", "edits src/Main.java")
                        : Action.speak(actor, "Yes, I will take the parser.");
                case 3 -> Action.of(actor, ActionKinds.NON_VERBAL, "nods");
                case 4 -> Action.of(actor, "send_message", "Done with my half. Did you push yours?").addressedTo(other);
                case 5 -> Action.none(actor);
                default -> Action.leave(actor, "Bye.");
            };
            e.act(action, Duration.ofMillis(1 + random.nextInt(40)).toNanos());
            e.observed(other, action.text(), turn < turns);
            if (turn == 2) {
                e.coordinated(new Coordination.CommitmentMade(actor, NO_DATA));
            }
            if (vague && turn == 3) {
                e.coordinated(new Coordination.RepairAttempt(actor, NO_DATA));
            }
            if (turn == 4) {
                e.coordinated(vague ? new Coordination.CommitmentBroken(actor, NO_DATA)
                        : new Coordination.CommitmentKept(actor, NO_DATA));
                if (vague) {
                    e.coordinated(new Coordination.MergeConflict(null, NO_DATA));
                    e.count("merge_conflicts", 1, Map.of("severity", "textual"));
                }
            }
            if (!vague) {
                var stragglers = turn == 3 ? List.of(other) : List.<String>of();
                e.roundClosed(turn, stragglers, Duration.ofMillis(5 + random.nextInt(20)).toNanos());
                if (turn == 3) {
                    e.lateAction(turn, Action.none(other).producedBy("rule-based:counselor"));
                }
            }
        }
        e.noted(vague ? "no-deal" : "deal", null);
        e.observe("goal", 3 + random.nextInt(7), Map.of());
        e.count("deals", 1, Map.of());
        long duration = Duration.ofMillis(50 + random.nextInt(100)).toNanos();
        if (fail) {
            e.fail("decide", duration);
            return turns;
        }
        e.coordinated(new Coordination.JointSuccess(!vague));
        var scores = new LinkedHashMap<String, Double>();
        scores.put("success", vague ? 0.0 : 1.0);
        scores.put("mutual_understanding", vague ? 2.0 + random.nextInt(2) : 4.0 + random.nextInt(2));
        scores.put("unresolved_confusion", vague ? 2.0 : 4.5);
        e.complete(new Outcome(Map.of("a", Map.of("goal", 7.0), "b", Map.of("goal", 6.0)), scores), duration);
        return turns;
    }
}
