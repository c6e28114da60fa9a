package org.parley.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.Limits;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;
import org.parley.runtime.run.TranscriptEntry;

/**
 * Plays a run through a {@link RunListener} the way the kernel does, without actors: two
 * conditions of a two-agent episode with questions, tool actions, commitments, conflicts, repair
 * attempts, simultaneous rounds, environment metrics and scores, and one failed episode. Seeded,
 * so the same arguments produce the same calls.
 */
public final class SyntheticRun {
    public static final String SCENARIO = "synthetic";
    public static final String ENVIRONMENT = "synthetic-dialogue";

    private SyntheticRun() {}

    public static RunPlan plan(int episodesPerCondition, long seed) {
        var episodes = new ArrayList<EpisodePlan>();
        for (var condition : List.of("baseline", "vague")) {
            for (int i = 0; i < episodesPerCondition; i++) {
                episodes.add(episode(condition, i, seed + i));
            }
        }
        return new RunPlan("synthetic-run", SCENARIO, ENVIRONMENT, episodes, 2, RunPlan.Timestamps.LOGICAL);
    }

    static EpisodePlan episode(String condition, int index, long seed) {
        EpisodePlan.EnvironmentFactory env = s -> {
            throw new IllegalStateException("listener tests never build an environment");
        };
        EpisodePlan.MindFactory mind = s -> {
            throw new IllegalStateException("listener tests never build a mind");
        };
        var protocol = condition.equals("vague") ? new TurnProtocol.Alternating("client")
                : new TurnProtocol.Simultaneous(Duration.ofSeconds(5));
        return new EpisodePlan(condition + "/" + index, condition, index, seed, protocol, Limits.defaults(), env,
                List.of(new EpisodePlan.AgentPlan("a", "client", seed * 31, mind),
                        new EpisodePlan.AgentPlan("b", "counselor", seed * 37, mind)));
    }

    /** Runs the whole plan; the last episode of the baseline condition fails. */
    public static RunReport drive(RunListener listener, RunPlan plan) {
        listener.runStarted(plan);
        int completed = 0, failed = 0;
        long actions = 0;
        for (var episode : plan.episodes()) {
            boolean fail = episode.condition().equals("baseline") && episode.index() == countOf(plan, "baseline") - 1;
            actions += episode(listener, episode, fail);
            if (fail) {
                failed++;
            } else {
                completed++;
            }
        }
        var report = new RunReport(plan.runId(), plan.episodes().size(), completed, failed, actions, Duration.ofSeconds(1));
        listener.runFinished(report);
        return report;
    }

    private static int countOf(RunPlan plan, String condition) {
        return (int) plan.episodes().stream().filter(e -> e.condition().equals(condition)).count();
    }

    /** Plays one episode; returns the number of actions. */
    public static long episode(RunListener listener, EpisodePlan episode, boolean fail) {
        var random = new SplittableRandom(episode.seed());
        listener.episodeStarted(episode);
        var metrics = listener.metrics(episode);
        var seq = new long[] {0};
        var entry = (EntryWriter) (turn, type, agent, data) ->
                listener.transcript(episode, new TranscriptEntry(seq[0]++, turn, Long.toString(turn * 1000), type, agent, data));
        entry.write(0, TranscriptEntry.EPISODE_START, null, Map.of("condition", episode.condition()));
        boolean vague = episode.condition().equals("vague");
        if (vague) {
            entry.write(0, TranscriptEntry.EVENT, null,
                    Map.of("event", CoordinationEvents.COMMUNICATION_BARRIER, "data", Map.of("barrier", "semantic-vagueness")));
        }
        long actions = 0;
        int turns = 6;
        for (int turn = 1; turn <= turns; turn++) {
            listener.backlog(episode, random.nextInt(3));
            var actor = turn % 2 == 1 ? "a" : "b";
            var role = actor.equals("a") ? "client" : "counselor";
            var other = actor.equals("a") ? "b" : "a";
            Action action = switch (turn) {
                case 1 -> Action.speak(actor, "Can you take the parser while I do the CLI?").addressedTo(other);
                case 2 -> vague ? Action.of(actor, "edit", "edits src/Main.java")
                        : Action.speak(actor, "Yes, I will take the parser.");
                case 3 -> Action.of(actor, ActionKinds.NON_VERBAL, "nods");
                case 4 -> Action.of(actor, "send_message", "Done with my half. Did you push yours?")
                        .addressedTo(other);
                case 5 -> Action.none(actor);
                default -> Action.leave(actor, "Bye.");
            };
            action = action.producedBy(actor.equals("a") ? "llm:synthetic-model" : "rule-based:counselor");
            listener.actionDecided(episode, role, action, Duration.ofMillis(1 + random.nextInt(40)));
            entry.write(turn, TranscriptEntry.ACTION, actor, Map.of("kind", action.kind(), "text", action.text()));
            entry.write(turn, TranscriptEntry.OBSERVATION, other, Map.of("text", action.text()));
            actions++;
            if (turn == 2) {
                entry.write(turn, TranscriptEntry.EVENT, actor, Map.of("event", CoordinationEvents.COMMITMENT_MADE));
            }
            if (turn == 4) {
                entry.write(turn, TranscriptEntry.EVENT, actor,
                        Map.of("type", vague ? CoordinationEvents.COMMITMENT_BROKEN : CoordinationEvents.COMMITMENT_KEPT));
                if (vague) {
                    entry.write(turn, TranscriptEntry.EVENT, null, Map.of("event", CoordinationEvents.MERGE_CONFLICT));
                    metrics.count("merge_conflicts", 1, Map.of("severity", "textual"));
                }
            }
            if (vague && turn == 3) {
                entry.write(turn, TranscriptEntry.EVENT, actor, Map.of("event", CoordinationEvents.REPAIR_ATTEMPT));
            }
            if (!vague) {
                listener.barrierClosed(episode, turn, Duration.ofMillis(5 + random.nextInt(20)), turn == 3 ? 1 : 0);
            }
        }
        metrics.observe("goal", 3 + random.nextInt(7), Map.of());
        metrics.count("deals", 1, Map.of());
        var scores = new LinkedHashMap<String, Double>();
        scores.put("success", vague ? 0.0 : 1.0);
        scores.put("mutual_understanding", vague ? 2.0 + random.nextInt(2) : 4.0 + random.nextInt(2));
        scores.put("unresolved_confusion", vague ? 2.0 : 4.5);
        var outcome = fail ? Outcome.empty()
                : new Outcome(Map.of("a", Map.of("goal", 7.0), "b", Map.of("goal", 6.0)), scores);
        var result = new EpisodeResult(episode.id(), episode.condition(), episode.index(), episode.seed(),
                fail ? EpisodeResult.Status.FAILED : EpisodeResult.Status.COMPLETED,
                fail ? "action-timeout" : "agent-left", turns, outcome,
                Map.of("a", new EpisodeResult.AgentInfo("client", "llm:synthetic-model"),
                        "b", new EpisodeResult.AgentInfo("counselor", "rule-based:counselor")));
        entry.write(turns, TranscriptEntry.EPISODE_END, null, Map.of("reason", result.endReason()));
        listener.episodeFinished(result, Duration.ofMillis(50 + random.nextInt(100)));
        return actions;
    }

    @FunctionalInterface
    private interface EntryWriter {
        void write(long turn, String type, String agent, Map<String, Object> data);
    }
}
