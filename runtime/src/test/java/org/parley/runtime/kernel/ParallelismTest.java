package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.runtime.kernel.Plans.agent;
import static org.parley.runtime.kernel.Plans.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.RunReport;

/** The supervisor never has more than {@code parallelism} episodes alive at once. */
class ParallelismTest extends KernelTest {

    @Test
    void neverMoreThanTheConfiguredNumberOfEpisodesAreAlive() {
        var alive = new AtomicInteger();
        var peak = new AtomicInteger();
        // An episode is alive from the moment its environment is built until its minds are closed,
        // which happens when its actors stop.
        var episodes = Plans.copies(15, i -> new Plans.TestEpisode(new EpisodeSpec("test", "p", i, i),
                new ResolvedEpisode(new TurnProtocol.Alternating(null), limits(4), context -> {
                    peak.accumulateAndGet(alive.incrementAndGet(), Math::max);
                    return new Room(null);
                }, List.of(
                        new ResolvedEpisode.Agent("a", "r", 1, null, (context, seed) -> new ScriptedMind("test:a",
                                (t, s) -> Action.speak("a", "x"), t -> 5) {
                            @Override
                            public void close() {
                                alive.decrementAndGet();
                            }
                        }),
                        agent("b", new ScriptedMind("test:b", (t, s) -> Action.speak("b", "y"), t -> 3))))));
        var sink = new RecordingSink();

        RunReport report = Plans.runOn(kit, Plans.run(episodes, 4), sink);

        assertThat(report.completed()).isEqualTo(15);
        assertThat(peak.get()).as("episodes alive at once").isLessThanOrEqualTo(4).isGreaterThan(1);
        assertThat(sink.peakInFlight).isLessThanOrEqualTo(4);
        assertThat(alive.get()).isZero();
    }

    @Test
    void anEmptyPlanFinishesAtOnce() {
        var sink = new RecordingSink();
        RunReport report = Plans.runOn(kit, Plans.run(List.of(), 4), sink);
        assertThat(report.planned()).isZero();
        assertThat(sink.calls).containsExactly("runStarted", "runFinished");
    }
}
