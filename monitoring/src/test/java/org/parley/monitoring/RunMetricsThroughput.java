package org.parley.monitoring;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunPlan;

/**
 * Prints how many events per second {@link RunMetrics} takes on the one thread a run calls its
 * sinks from, and what it allocates per event, against a sink that does nothing. The events are
 * built beforehand (as the kernel builds them whether or not metrics are on), so only the sink is
 * measured: 2,000 episodes of 20 turns, 16 in flight at a time, each turn a TurnStarted, an Acted
 * and an Observed event. Run:
 * {@code java -cp <monitoring test classpath> org.parley.monitoring.RunMetricsThroughput}
 */
public final class RunMetricsThroughput {
    private static final int EPISODES = 2_000;
    private static final int TURNS = Integer.getInteger("turns", 20);
    private static final int IN_FLIGHT = 16;

    public static void main(String[] args) {
        var plan = SyntheticRun.plan(EPISODES / 2, 1);
        var events = events(plan);
        EventSink noop = event -> { };
        var metrics = new RunMetrics();
        metrics.bindTo(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        metrics.runStarted(plan);

        for (int warm = 0; warm < 10; warm++) {
            replay(noop, events);
            replay(metrics, events);
        }
        var base = measure(noop, events);
        var measured = measure(metrics, events);
        int n = events.size();
        System.out.printf(Locale.ROOT, "events per replay:   %d (%d episodes x %d turns, %d in flight)%n",
                n, EPISODES, TURNS, IN_FLIGHT);
        System.out.printf(Locale.ROOT, "no-op sink:          %.1f ns/event, %.1f bytes/event%n", base[0] / n, base[1] / n);
        System.out.printf(Locale.ROOT, "RunMetrics:          %.1f ns/event, %.1f bytes/event, %.2f million events/s%n",
                measured[0] / n, measured[1] / n, n / measured[0] * 1e3);
    }

    /** The run's events, {@value #IN_FLIGHT} episodes interleaved turn by turn as the recorder receives them. */
    private static List<EpisodeEvent> events(RunPlan plan) {
        var out = new ArrayList<EpisodeEvent>();
        var specs = plan.episodes();
        for (int first = 0; first < specs.size(); first += IN_FLIGHT) {
            var batch = specs.subList(first, Math.min(first + IN_FLIGHT, specs.size()));
            for (var spec : batch) {
                out.add(new EpisodeEvent.Started(spec.id(), spec.condition(), spec.index(), spec.seed(), "alternating",
                        List.of(EpisodeScript.agent("a", "client", "rule-based:bench"),
                                EpisodeScript.agent("b", "counselor", "rule-based:bench"))));
            }
            for (int turn = 0; turn < TURNS; turn++) {
                for (var spec : batch) {
                    turn(out, spec, turn);
                }
            }
            for (var spec : batch) {
                var outcome = new Outcome(Map.of(), Map.of("goal", 1.0));
                out.add(new EpisodeEvent.Scored(spec.id(), TURNS, outcome));
                out.add(new EpisodeEvent.Finished(spec.id(), TURNS, new EpisodeResult(spec.id(), spec.condition(),
                        spec.index(), spec.seed(), EpisodeResult.Status.COMPLETED, "done", TURNS, TURNS, outcome,
                        Map.of()), 5_000_000));
            }
        }
        return out;
    }

    private static void turn(List<EpisodeEvent> out, EpisodeSpec spec, int turn) {
        var agent = turn % 2 == 0 ? "a" : "b";
        var action = (turn % 5 == 0 ? Action.speak(agent, "Shall we split it?")
                : turn % 5 == 1 ? Action.speak(agent, "Yes.") : Action.of(agent, "edit", "edits a file"))
                .producedBy("rule-based:bench");
        out.add(new EpisodeEvent.TurnStarted(spec.id(), turn, 1));
        out.add(new EpisodeEvent.Acted(spec.id(), turn, agent.equals("a") ? "client" : "counselor", action, 3_000));
        out.add(new EpisodeEvent.Observed(spec.id(), turn, Observation.of(agent.equals("a") ? "b" : "a", turn, action), true));
    }

    /** Best time (ns) of 15 replays, and the bytes that replay allocated. */
    private static double[] measure(EventSink sink, List<EpisodeEvent> events) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        double best = Double.MAX_VALUE, bytes = 0;
        for (int round = 0; round < 15; round++) {
            long a0 = threads.getThreadAllocatedBytes(id);
            long t0 = System.nanoTime();
            replay(sink, events);
            long t = System.nanoTime() - t0;
            long a = threads.getThreadAllocatedBytes(id) - a0;
            if (t < best) {
                best = t;
                bytes = a;
            }
        }
        return new double[] {best, bytes};
    }

    /** Plays the events once; every episode finishes, so the next replay starts them anew. */
    private static void replay(EventSink sink, List<EpisodeEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            sink.accept(events.get(i));
        }
    }
}
