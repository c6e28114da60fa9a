package org.parley.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.protocol.TurnProtocol;

class CompositeRunListenerTest {
    private final List<String> calls = new ArrayList<>();
    private final EpisodePlan episode = new EpisodePlan("c/0001", "c", 1, 7, new TurnProtocol.RoundRobin(),
            Limits.defaults(), seed -> null, List.of(new EpisodePlan.AgentPlan("a", "role-a", 1, seed -> null)));

    /** Takes the plan in every call, like most listeners. */
    private RunListener plain(String name) {
        return new RunListener() {
            @Override
            public void episodeStarted(EpisodePlan e) {
                calls.add(name + " started " + e.id());
            }

            @Override
            public void transcript(EpisodePlan e, TranscriptEntry entry) {
                calls.add(name + " line " + entry.seq() + " of " + e.id());
            }

            @Override
            public void actionDecided(EpisodePlan e, String role, Action action, Duration latency) {
                calls.add(name + " decided " + role + " in " + e.id());
            }

            @Override
            public void episodeFinished(EpisodeResult result, Duration duration) {
                calls.add(name + " finished " + result.episodeId());
            }
        };
    }

    /** Keeps the episode's state in the listener it returns. */
    private RunListener owning(String name) {
        return new RunListener() {
            @Override
            public EpisodeListener startEpisode(EpisodePlan e) {
                calls.add(name + " started " + e.id());
                return new EpisodeListener() {
                    int lines;

                    @Override
                    public void transcript(TranscriptEntry entry) {
                        calls.add(name + " line " + entry.seq() + " (#" + ++lines + ")");
                    }

                    @Override
                    public void actionDecided(String role, Action action, Duration latency) {
                        calls.add(name + " decided " + role);
                    }

                    @Override
                    public SimulationMetrics metrics() {
                        return new SimulationMetrics() {
                            @Override
                            public void count(String metric, double amount, Map<String, String> tags) {
                                calls.add(name + " counted " + metric);
                            }

                            @Override
                            public void observe(String metric, double value, Map<String, String> tags) {}
                        };
                    }

                    @Override
                    public void finished(EpisodeResult result, Duration duration) {
                        calls.add(name + " finished after " + lines + " lines");
                    }
                };
            }
        };
    }

    @Test
    void everyCallReachesEveryListenerInTheirOrderWithThePlanWhereTheyTakeIt() {
        var composite = RunListener.all(List.of(plain("first"), owning("second"), plain("third")));

        var heard = composite.startEpisode(episode);
        heard.transcript(new TranscriptEntry(0, 1, "1000", TranscriptEntry.OBSERVATION, "a", Map.of()));
        heard.actionDecided("role-a", Action.speak("a", "Hi"), Duration.ZERO);
        heard.metrics().count("offers");
        heard.finished(new EpisodeResult("c/0001", "c", 1, 7, EpisodeResult.Status.COMPLETED, "done", 1,
                Outcome.empty(), Map.of()), Duration.ZERO);

        assertThat(calls).containsExactly(
                "first started c/0001", "second started c/0001", "third started c/0001",
                "first line 0 of c/0001", "second line 0 (#1)", "third line 0 of c/0001",
                "first decided role-a in c/0001", "second decided role-a", "third decided role-a in c/0001",
                "second counted offers",
                "first finished c/0001", "second finished after 1 lines", "third finished c/0001");
    }

    @Test
    void severalListenersWithEpisodeStateEachGetTheirOwnCalls() {
        var composite = RunListener.all(List.of(owning("first"), plain("second"), owning("third")));

        var heard = composite.startEpisode(episode);
        heard.transcript(new TranscriptEntry(0, 1, "1000", TranscriptEntry.OBSERVATION, "a", Map.of()));
        heard.finished(new EpisodeResult("c/0001", "c", 1, 7, EpisodeResult.Status.FAILED, "failed: x", 0,
                Outcome.empty(), Map.of()), Duration.ZERO);

        assertThat(calls).containsExactly(
                "first started c/0001", "second started c/0001", "third started c/0001",
                "first line 0 (#1)", "second line 0 of c/0001", "third line 0 (#1)",
                "first finished after 1 lines", "second finished c/0001", "third finished after 1 lines");
    }

    @Test
    void listenersThatAllTakeThePlanShareOneForwarderAndASingleListenerIsItself() {
        var both = RunListener.all(List.of(plain("first"), plain("second")));
        var heard = both.startEpisode(episode);
        heard.transcript(new TranscriptEntry(3, 1, "1000", TranscriptEntry.EVENT, null, Map.of()));
        assertThat(calls).containsExactly("first started c/0001", "second started c/0001",
                "first line 3 of c/0001", "second line 3 of c/0001");

        var owner = owning("only");
        calls.clear();
        assertThat(RunListener.all(List.of(owner)).startEpisode(episode))
                .isNotInstanceOf(CompositeEpisodeListener.class).isNotInstanceOf(ForwardingEpisodeListener.class);
    }

    private void playEpisode(EpisodeAudience audience) {
        var line = new TranscriptEntry(0, 1, "1000", TranscriptEntry.OBSERVATION, "a", Map.of());
        audience.shared().transcript(episode, line);
        if (audience.own() != null) {
            audience.own().transcript(line);
        }
        audience.metrics(episode).count("offers");
        var result = new EpisodeResult("c/0001", "c", 1, 7, EpisodeResult.Status.COMPLETED, "done", 1,
                Outcome.empty(), Map.of());
        audience.shared().episodeFinished(result, Duration.ZERO);
        if (audience.own() != null) {
            audience.own().finished(result, Duration.ZERO);
        }
    }

    @Test
    void theKernelsAudienceReachesPlanTakersThroughOneSharedFanOutAndTheOwnerDirectly() {
        var first = plain("first");
        var third = plain("third");
        var composite = RunListener.all(List.of(first, owning("second"), third));

        var audience = EpisodeAudience.start(composite, episode);
        playEpisode(audience);

        assertThat(calls).containsExactly(
                "first started c/0001", "second started c/0001", "third started c/0001",
                "first line 0 of c/0001", "third line 0 of c/0001", "second line 0 (#1)",
                "second counted offers",
                "first finished c/0001", "third finished c/0001", "second finished after 1 lines");
        assertThat(audience.own()).isNotInstanceOf(CompositeEpisodeListener.class);
        // the next episode's plan-taking part is the very same object: nothing is made per episode for it
        assertThat(EpisodeAudience.start(composite, episode).shared()).isSameAs(audience.shared());
    }

    @Test
    void anAudienceOfOneListenerIsThatListenerAndSeveralOwnersKeepTheRunsOrder() {
        var only = plain("only");
        var alone = EpisodeAudience.start(RunListener.all(List.of(only)), episode);
        assertThat(alone.shared()).isSameAs(only);
        assertThat(alone.own()).isNull();

        calls.clear();
        var mixed = EpisodeAudience.start(RunListener.all(List.of(owning("first"), plain("second"), owning("third"))),
                episode);
        playEpisode(mixed);
        assertThat(calls).containsExactly(
                "first started c/0001", "second started c/0001", "third started c/0001",
                "first line 0 (#1)", "second line 0 of c/0001", "third line 0 (#1)",
                "first counted offers", "third counted offers",
                "first finished after 1 lines", "second finished c/0001", "third finished after 1 lines");

        calls.clear();
        var direct = EpisodeAudience.start(owning("direct"), episode);
        assertThat(direct.shared()).isNotNull();
        playEpisode(direct);
        assertThat(calls).containsExactly("direct started c/0001", "direct line 0 (#1)", "direct counted offers",
                "direct finished after 1 lines");
    }
}
