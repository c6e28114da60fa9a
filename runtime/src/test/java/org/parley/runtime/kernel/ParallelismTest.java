package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.runtime.kernel.Plans.agent;
import static org.parley.runtime.kernel.Plans.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.RunReport;

/** The supervisor never has more than {@code parallelism} episodes alive at once. */
class ParallelismTest extends KernelTest {

    @Test
    void neverMoreThanTheConfiguredNumberOfEpisodesAreAlive() {
        var alive = new AtomicInteger();
        var peak = new AtomicInteger();
        // An episode is alive from the moment its environment is built until its minds are closed,
        // which happens when its actors stop.
        var episodes = Plans.copies(15, i -> new EpisodePlan("p/" + i, "p", i, i, new TurnProtocol.Alternating(null),
                limits(4), seed -> {
                    peak.accumulateAndGet(alive.incrementAndGet(), Math::max);
                    return new Room(null);
                }, List.of(
                        new EpisodePlan.AgentPlan("a", "r", 1, seed -> new ScriptedMind("test:a",
                                (t, s) -> Action.speak("a", "x"), t -> 5) {
                            @Override
                            public void close() {
                                alive.decrementAndGet();
                            }
                        }),
                        agent("b", new ScriptedMind("test:b", (t, s) -> Action.speak("b", "y"), t -> 3)))));
        var listener = new RecordingListener();

        RunReport report = Plans.runOn(kit, Plans.run(episodes, 4), listener);

        assertThat(report.completed()).isEqualTo(15);
        assertThat(peak.get()).as("episodes alive at once").isLessThanOrEqualTo(4).isGreaterThan(1);
        assertThat(listener.peakInFlight.get()).isLessThanOrEqualTo(4);
        assertThat(alive.get()).isZero();
    }

    @Test
    void anEmptyPlanFinishesAtOnce() {
        var listener = new RecordingListener();
        RunReport report = Plans.runOn(kit, Plans.run(List.of(), 4), listener);
        assertThat(report.planned()).isZero();
        assertThat(listener.calls).containsExactly("runStarted", "runFinished");
    }
}
