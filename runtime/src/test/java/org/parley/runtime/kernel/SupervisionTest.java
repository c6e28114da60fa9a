package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.runtime.kernel.Plans.agent;
import static org.parley.runtime.kernel.Plans.limits;
import static org.parley.runtime.kernel.Plans.runOn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunReport;
import org.parley.runtime.output.TranscriptEntry;

/** A failing mind, environment or agent actor fails its own episode only. */
class SupervisionTest extends KernelTest {

    private static ScriptedMind talker() {
        return new ScriptedMind("test:talker", (t, s) -> Action.speak(t.agent(), "line " + t.number()));
    }

    private static Plans.TestEpisode episode(String id, Room room, Mind a, Mind b) {
        return Plans.episode(id, new TurnProtocol.Alternating(null), limits(6), room, List.of(agent("a", a), agent("b", b)));
    }

    /** A mind whose perception crashes its actor outright (an Error, which the agent does not catch). */
    private static final class CrashingMind implements Mind {
        @Override
        public void perceive(Observation observation) {
            if (observation.source().equals("a")) {
                throw new AssertionError("perception circuit blew");
            }
        }

        @Override
        public CompletionStage<Action> decide(Turn turn) {
            return CompletableFuture.completedFuture(Action.none(turn.agent()));
        }

        @Override
        public String describe() {
            return "test:crashing";
        }
    }

    @Test
    void aFailingEpisodeIsRecordedAsFailedAndTheOthersComplete() {
        var closedMinds = new ArrayList<ScriptedMind>();
        var ok1a = talker();
        var ok1b = talker();
        closedMinds.add(ok1a);
        closedMinds.add(ok1b);
        var throwsInDecide = new ScriptedMind("test:throws", (t, s) -> {
            throw new IllegalStateException("no idea what to say");
        });
        var failsItsStage = new ScriptedMind("test:fails", (t, s) -> {
            throw new IllegalStateException("model unavailable");
        }, t -> 20);
        var episodes = List.of(
                episode("s/ok-1", new Room(null), ok1a, ok1b),
                episode("s/mind-throws", new Room(null), talker(), throwsInDecide),
                episode("s/stage-fails", new Room(null), failsItsStage, talker()),
                episode("s/env-throws", new Room(null).throwingAt(2), talker(), talker()),
                episode("s/actor-crash", new Room(null), talker(), new CrashingMind()),
                Plans.episode("s/factory-throws", new TurnProtocol.RoundRobin(), limits(4), new Room(null), List.of(
                        agent("a", talker()),
                        new ResolvedEpisode.Agent("b", "role-b", 1, null, (context, seed) -> {
                            throw new IllegalArgumentException("unknown policy 'grumpy'");
                        }))),
                episode("s/ok-2", new Room(null), talker(), talker()));
        var sink = new RecordingSink();

        RunReport report = runOn(kit, Plans.run(episodes, 3), sink);

        assertThat(report.planned()).isEqualTo(7);
        assertThat(report.completed()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(5);
        assertThat(report.actions()).isEqualTo(6 + 1 + 0 + 2 + 1 + 0 + 6);
        assertThat(sink.result("s/ok-1").status()).isEqualTo(EpisodeResult.Status.COMPLETED);
        assertThat(sink.result("s/ok-2").status()).isEqualTo(EpisodeResult.Status.COMPLETED);

        assertThat(sink.result("s/mind-throws").endReason()).isEqualTo("failed: mind of 'b' failed: no idea what to say");
        assertThat(sink.result("s/stage-fails").endReason()).isEqualTo("failed: mind of 'a' failed: model unavailable");
        assertThat(sink.result("s/env-throws").endReason()).isEqualTo("failed: environment failed: room broke at action 2");
        assertThat(sink.result("s/actor-crash").endReason())
                .isEqualTo("failed: agent actor of 'b' crashed: perception circuit blew");
        assertThat(sink.result("s/factory-throws").endReason())
                .isEqualTo("failed: mind of 'b' could not be created: unknown policy 'grumpy'");

        for (String failed : List.of("s/mind-throws", "s/stage-fails", "s/env-throws", "s/actor-crash", "s/factory-throws")) {
            EpisodeResult r = sink.result(failed);
            assertThat(r.status()).as(failed).isEqualTo(EpisodeResult.Status.FAILED);
            assertThat(r.outcome().agentScores()).as(failed).isEmpty();
            List<TranscriptEntry> t = sink.transcript(failed);
            assertThat(t.get(0).type()).isEqualTo(TranscriptEntry.EPISODE_START);
            assertThat(t).as(failed).anyMatch(e -> e.type().equals(TranscriptEntry.FAILURE));
            assertThat(t.get(t.size() - 1).type()).isEqualTo(TranscriptEntry.EPISODE_END);
            assertThat(t.get(t.size() - 1).data()).containsEntry("status", "failed");
        }
        assertThat(sink.calls).first().isEqualTo("runStarted");
        assertThat(sink.calls).last().isEqualTo("runFinished");
        assertThat(sink.report).isEqualTo(report);
        closedMinds.forEach(m -> assertThat(m.closed).isTrue());
    }

    @Test
    void aSinkThatThrowsStopsTheRunWithItsMessageAndTheOtherSinksKeepWhatTheyHad() {
        var lines = new AtomicInteger();
        var failing = new RecordingSink() {
            @Override
            public void accept(EpisodeEvent event) {
                if (event instanceof EpisodeEvent.Acted && lines.incrementAndGet() > 2) {
                    throw new IllegalStateException("disk full");
                }
                super.accept(event);
            }
        };
        var other = new RecordingSink() {
            int flushes;

            @Override
            public void flush() {
                flushes++;
            }
        };
        var episodes = Plans.copies(20, i -> episode("s/" + i, new Room(null), talker(), talker()));
        var run = Plans.run(episodes, 2);

        var outcome = Simulation.start(kit.system(), run.plan(), run.resolver(), List.of(other, failing))
                .toCompletableFuture();

        assertThatThrownBy(() -> outcome.get(30, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed: disk full");
        assertThat(other.flushes).as("the other sinks flush what they buffer").isGreaterThanOrEqualTo(1);
        assertThat(other.results.size()).as("the run stopped early").isLessThan(20);
    }

    @Test
    void aMindThatFailsToPerceiveFailsItsEpisode() {
        var confused = new ScriptedMind("test:confused", (t, s) -> Action.none("b")) {
            @Override
            public void perceive(Observation observation) {
                if (observation.source().equals("a")) {
                    throw new IllegalArgumentException("cannot parse '" + observation.text() + "'");
                }
            }
        };
        var sink = new RecordingSink();

        runOn(kit, Plans.run(episode("s/perceive", new Room(null), talker(), confused)), sink);

        EpisodeResult r = sink.result("s/perceive");
        assertThat(r.endReason()).isEqualTo("failed: mind of 'b' failed to perceive: cannot parse 'line 0'");
        var failure = sink.entries("s/perceive", TranscriptEntry.FAILURE).get(0);
        assertThat(failure.agent()).isEqualTo("b");
        assertThat(failure.data()).containsEntry("phase", "perceive");
    }
}
