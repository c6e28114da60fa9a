package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.runtime.kernel.Plans.agent;
import static org.parley.runtime.kernel.Plans.limits;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/** Sinks hear every call in the order they were given, each event before the next, from one thread. */
class SinkOrderTest extends KernelTest {

    /** Set when a call starts while another is still running: sinks must be called one at a time. */
    private static final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.concurrent.atomic.AtomicBoolean inside = new java.util.concurrent.atomic.AtomicBoolean();

    /** Appends "name:what" to a log all sinks share. */
    private record Named(String name, List<String> log, List<Thread> threads) implements EventSink {
        @Override
        public void runStarted(RunPlan plan) {
            log.add(name + ":runStarted");
        }

        @Override
        public void accept(EpisodeEvent event) {
            if (!inside.compareAndSet(false, true)) {
                busy.set(true);
            }
            log.add(name + ":" + event.getClass().getSimpleName() + "@" + event.episode());
            threads.add(Thread.currentThread());
            Thread.onSpinWait();
            inside.set(false);
        }

        @Override
        public void runFinished(RunReport report) {
            log.add(name + ":runFinished");
        }
    }

    @Test
    void everyEventReachesTheSinksInTheirGivenOrderOneAtATime() {
        var log = new ArrayList<String>();
        var threads = new ArrayList<Thread>();
        var sinks = List.of(new Named("transcripts", log, threads), new Named("results", log, threads),
                new Named("metrics", log, threads), new Named("embedder", log, threads));
        var talker = (ScriptedMind.Policy) (t, s) -> Action.speak(t.agent(), "hi");
        var episodes = Plans.copies(6, i -> Plans.episode("order/" + i, new TurnProtocol.RoundRobin(), limits(3),
                new Room(null), List.of(agent("a", new ScriptedMind("test:a", talker)),
                        agent("b", new ScriptedMind("test:b", talker)))));
        var run = Plans.run(episodes, 3);

        var report = Simulation.start(kit.system(), run.plan(), run.resolver(), sinks).toCompletableFuture().join();

        assertThat(report.completed()).isEqualTo(6);
        assertThat(log).hasSizeGreaterThan(4 * 6 * 5);
        assertThat(log.size() % sinks.size()).isZero();
        for (int i = 0; i < log.size(); i += sinks.size()) {
            String call = log.get(i).substring(log.get(i).indexOf(':'));
            for (int s = 0; s < sinks.size(); s++) {
                assertThat(log.get(i + s)).as("call %d", i).isEqualTo(sinks.get(s).name() + call);
            }
        }
        assertThat(log.get(0)).isEqualTo("transcripts:runStarted");
        assertThat(log.get(log.size() - 1)).isEqualTo("embedder:runFinished");
        assertThat(busy.get()).as("no two calls overlapped").isFalse();
    }
}
