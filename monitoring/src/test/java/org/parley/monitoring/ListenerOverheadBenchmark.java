package org.parley.monitoring;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.TranscriptEntry;

/**
 * Prints what the monitoring listener costs per action (time and heap allocation) against a
 * listener that does nothing. Per action the kernel makes three calls to the episode's listener
 * (what {@code startEpisode} returned): actionDecided and two transcript lines (the action and its
 * observation); the inputs are built beforehand so only the listener is measured. Run: java -cp <test classpath> org.parley.monitoring.ListenerOverheadBenchmark
 */
public final class ListenerOverheadBenchmark {
    private static final int EPISODES = 2_000;
    private static final int ACTIONS = Integer.getInteger("actions", 20);

    public static void main(String[] args) {
        var plan = SyntheticRun.plan(EPISODES / 2, 1);
        var actions = new ArrayList<Action>();
        var entries = new ArrayList<TranscriptEntry>();
        for (int i = 0; i < ACTIONS; i++) {
            var agent = i % 2 == 0 ? "a" : "b";
            var action = (i % 5 == 0 ? Action.speak(agent, "Shall we split it?") : i % 5 == 1 ? Action.speak(agent, "Yes.")
                    : Action.of(agent, "edit", "edits a file")).producedBy("rule-based:bench");
            actions.add(action);
            entries.add(new TranscriptEntry(2L * i, i, Long.toString(i), TranscriptEntry.ACTION, agent, Map.of("kind", action.kind())));
            entries.add(new TranscriptEntry(2L * i + 1, i, Long.toString(i), TranscriptEntry.OBSERVATION, agent, Map.of()));
        }
        var results = new ArrayList<EpisodeResult>();
        for (var e : plan.episodes()) {
            results.add(new EpisodeResult(e.id(), e.condition(), e.index(), e.seed(), EpisodeResult.Status.COMPLETED, "done",
                    ACTIONS, new Outcome(Map.of(), Map.of("success", 1.0)), Map.of()));
        }
        var noop = new RunListener() {};
        var monitoring = new MonitoringListener(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

        for (int warm = 0; warm < 5; warm++) {
            run(noop, plan, actions, entries, results);
            run(monitoring, plan, actions, entries, results);
        }
        var base = measure(noop, plan, actions, entries, results);
        var mon = measure(monitoring, plan, actions, entries, results);
        long n = (long) EPISODES * ACTIONS;
        System.out.printf(Locale.ROOT, "actions measured:              %d (%d episodes x %d actions, 3 listener calls each)%n",
                n, EPISODES, ACTIONS);
        System.out.printf(Locale.ROOT, "no-op listener:                %.1f ns/action, %.1f bytes/action%n", base[0] / n, base[1] / n);
        System.out.printf(Locale.ROOT, "monitoring listener:           %.1f ns/action, %.1f bytes/action%n", mon[0] / n, mon[1] / n);
        System.out.printf(Locale.ROOT, "added by monitoring:           %.1f ns/action (episode start/finish included)%n",
                (mon[0] - base[0]) / n);
    }

    private static double[] measure(RunListener listener, RunPlan plan, List<Action> actions, List<TranscriptEntry> entries,
                                    List<EpisodeResult> results) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        double best = Double.MAX_VALUE, bytes = 0;
        for (int round = 0; round < 15; round++) {
            long a0 = threads.getThreadAllocatedBytes(id);
            long t0 = System.nanoTime();
            run(listener, plan, actions, entries, results);
            long t = System.nanoTime() - t0;
            long a = threads.getThreadAllocatedBytes(id) - a0;
            if (t < best) {
                best = t;
                bytes = a;
            }
        }
        return new double[] {best, bytes};
    }

    private static void run(RunListener listener, RunPlan plan, List<Action> actions, List<TranscriptEntry> entries,
                            List<EpisodeResult> results) {
        listener.runStarted(plan);
        var latency = Duration.ofNanos(3_000);
        var episodes = plan.episodes();
        for (int e = 0; e < episodes.size(); e++) {
            EpisodePlan episode = episodes.get(e);
            var heard = listener.startEpisode(episode);
            for (int i = 0; i < actions.size(); i++) {
                var action = actions.get(i);
                heard.actionDecided(action.agent().equals("a") ? "client" : "counselor", action, latency);
                heard.transcript(entries.get(2 * i));
                heard.transcript(entries.get(2 * i + 1));
            }
            heard.finished(results.get(e), Duration.ofMillis(5));
        }
    }
}
