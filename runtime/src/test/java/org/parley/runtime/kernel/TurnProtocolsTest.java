package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.runtime.kernel.Plans.agent;
import static org.parley.runtime.kernel.Plans.episode;
import static org.parley.runtime.kernel.Plans.limits;
import static org.parley.runtime.kernel.Plans.run;
import static org.parley.runtime.kernel.Plans.runOn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.kernel.turn.SeededRandomOrder;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.output.TranscriptEntry;
import org.parley.runtime.seed.Seeds;

/** Each turn protocol, run through the actors, shows its ordering semantics in the transcript. */
class TurnProtocolsTest extends KernelTest {

    private static ScriptedMind talker(String id) {
        return new ScriptedMind("test:talker", (turn, seen) -> Action.speak(turn.agent(), id + "@" + turn.number()));
    }

    @Test
    void alternatingOpensWithTheConfiguredFirstSpeaker() {
        var a = talker("a");
        var b = talker("b");
        var sink = new RecordingSink();
        runOn(kit, run(episode("alt/1", new TurnProtocol.Alternating("b"), limits(5), new Room(null),
                List.of(agent("a", a), agent("b", b)))), sink);

        assertThat(sink.speakers("alt/1")).containsExactly("b", "a", "b", "a", "b");
        assertThat(b.turnsAsked).containsExactly(0L, 2L, 4L);
        assertThat(a.turnsAsked).containsExactly(1L, 3L);
        assertThat(sink.result("alt/1").endReason()).isEqualTo("max-turns");
        assertThat(sink.result("alt/1").turns()).isEqualTo(5);
    }

    @Test
    void alternatingDefaultsToTheFirstDeclaredAgent() {
        var sink = new RecordingSink();
        runOn(kit, run(episode("alt/2", new TurnProtocol.Alternating(null), limits(3), new Room(null),
                List.of(agent("x", talker("x")), agent("y", talker("y"))))), sink);

        assertThat(sink.speakers("alt/2")).containsExactly("x", "y", "x");
    }

    @Test
    void alternatingWithThreeAgentsFailsTheEpisodeWithAClearReason() {
        var sink = new RecordingSink();
        runOn(kit, run(episode("alt/3", new TurnProtocol.Alternating(null), limits(3), new Room(null),
                List.of(agent("x", talker("x")), agent("y", talker("y")), agent("z", talker("z"))))), sink);

        EpisodeResult result = sink.result("alt/3");
        assertThat(result.status()).isEqualTo(EpisodeResult.Status.FAILED);
        assertThat(result.endReason()).startsWith("failed: ").contains("exactly 2 agents").contains("round-robin");
    }

    @Test
    void roundRobinFollowsDeclaredOrder() {
        var sink = new RecordingSink();
        runOn(kit, run(episode("rr/1", new TurnProtocol.RoundRobin(), limits(7), new Room(null),
                List.of(agent("c", talker("c")), agent("a", talker("a")), agent("b", talker("b"))))), sink);

        assertThat(sink.speakers("rr/1")).containsExactly("c", "a", "b", "c", "a", "b", "c");
    }

    @Test
    void randomOrderIsSeededByTheEpisodeAndNeverRepeatsWhenForbidden() {
        var ids = List.of("a", "b", "c");
        var sink = new RecordingSink();
        runOn(kit, run(episode("rand/1", new TurnProtocol.RandomOrder(false), limits(30), new Room(null),
                List.of(agent("a", talker("a")), agent("b", talker("b")), agent("c", talker("c"))))), sink);

        var expected = new SeededRandomOrder(ids, Seeds.derive(7, "turn-order"), false);
        var order = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            order.add(expected.next());
        }
        List<String> speakers = sink.speakers("rand/1");
        assertThat(speakers).isEqualTo(order).contains("a", "b", "c");
        for (int i = 1; i < speakers.size(); i++) {
            assertThat(speakers.get(i)).as("turn %d", i).isNotEqualTo(speakers.get(i - 1));
        }
    }

    @Test
    void randomOrderWithRepeatsAllowedCanPickTheSameAgentTwice() {
        var sink = new RecordingSink();
        runOn(kit, run(episode("rand/2", new TurnProtocol.RandomOrder(true), limits(30), new Room(null),
                List.of(agent("a", talker("a")), agent("b", talker("b")), agent("c", talker("c"))))), sink);

        List<String> speakers = sink.speakers("rand/2");
        boolean repeated = false;
        for (int i = 1; i < speakers.size(); i++) {
            repeated |= speakers.get(i).equals(speakers.get(i - 1));
        }
        assertThat(repeated).isTrue();
    }

    @Test
    void simultaneousAppliesActionsInDeclaredOrderNotArrivalOrder() {
        // "a" is the slowest to answer, yet its action is applied first in every round.
        var a = new ScriptedMind("test:slow", (t, s) -> Action.speak("a", "a@" + t.number()), t -> 150);
        var b = new ScriptedMind("test:fast", (t, s) -> Action.speak("b", "b@" + t.number()));
        var c = new ScriptedMind("test:fast", (t, s) -> Action.speak("c", "c@" + t.number()), t -> 20);
        var sink = new RecordingSink();
        runOn(kit, run(episode("sim/1", new TurnProtocol.Simultaneous(Duration.ofSeconds(5)), limits(2), new Room(null),
                List.of(agent("a", a), agent("b", b), agent("c", c)))), sink);

        assertThat(sink.actions("sim/1")).containsExactly(
                "a:speak:a@0", "b:speak:b@0", "c:speak:c@0", "a:speak:a@1", "b:speak:b@1", "c:speak:c@1");
        assertThat(sink.rounds).extracting(r -> r.stragglers().size()).containsExactly(0, 0);
        var barrier = sink.entries("sim/1", TranscriptEntry.BARRIER).get(0);
        assertThat(barrier.data()).containsEntry("answered", List.of("a", "b", "c")).containsEntry("stragglers", List.of());
        // Everyone saw everyone else's round-0 line before deciding in round 1.
        assertThat(b.perceived).extracting(Observation::text).contains("a@0", "c@0");
    }

    @Test
    void simultaneousBarrierClosesWithoutAStragglerAndDropsItsLateAnswer() {
        // "b" needs 750 ms in round 0, past the 500 ms barrier; in round 1 it answers at once (its
        // request waits behind the late one, about 250 ms into the round).
        var a = new ScriptedMind("test:prompt", (t, s) -> Action.speak("a", "a@" + t.number()));
        var b = new ScriptedMind("test:late", (t, s) -> Action.speak("b", "b@" + t.number()), t -> t.number() == 0 ? 750 : 0);
        var sink = new RecordingSink();
        runOn(kit, run(episode("sim/2", new TurnProtocol.Simultaneous(Duration.ofMillis(500)), limits(2), new Room(null),
                List.of(agent("a", a), agent("b", b)))), sink);

        assertThat(sink.actions("sim/2")).containsExactly("a:speak:a@0", "a:speak:a@1", "b:speak:b@1");
        var barriers = sink.entries("sim/2", TranscriptEntry.BARRIER);
        assertThat(barriers).hasSize(2);
        assertThat(barriers.get(0).data()).containsEntry("round", 0L).containsEntry("answered", List.of("a"))
                .containsEntry("stragglers", List.of("b"));
        assertThat(barriers.get(1).data()).containsEntry("stragglers", List.of());
        assertThat(sink.rounds).extracting(r -> r.stragglers().size()).containsExactly(1, 0);
        assertThat(Duration.ofNanos(sink.rounds.get(0).waitNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(450));

        var late = sink.entries("sim/2", TranscriptEntry.EVENT).stream()
                .filter(e -> "late-action".equals(e.data().get("event"))).toList();
        assertThat(late).hasSize(1);
        assertThat(late.get(0).agent()).isEqualTo("b");
        assertThat(late.get(0).data().get("data").toString()).contains("round=0").contains("b@0");
        // The late line sits between the two barriers and reached nobody.
        var types = sink.transcript("sim/2").stream().map(e -> e.type() + ":" + e.data().getOrDefault("event", "")).toList();
        assertThat(types.indexOf("event:late-action")).isBetween(types.indexOf("barrier:"), types.lastIndexOf("barrier:"));
        assertThat(sink.entries("sim/2", TranscriptEntry.OBSERVATION)).extracting(e -> e.data().get("text"))
                .doesNotContain("b@0").contains("b@1");
        assertThat(a.perceived).extracting(Observation::text).doesNotContain("b@0");
        assertThat(sink.result("sim/2").status()).isEqualTo(EpisodeResult.Status.COMPLETED);
    }

    @Test
    void freeSendAndWaitTimesOutAndTheAgentDecidesAgain() {
        // "a" asks "b" and waits (10 s asked, capped at 300 ms by the protocol); "b" never replies.
        var a = new ScriptedMind("test:asker", (t, seen) -> seen.stream().anyMatch(o -> o.kind().equals("timeout"))
                ? Action.leave("a", "giving up")
                : Action.speak("a", "ping").addressedTo("b").waitingForReply(10_000));
        var b = new ScriptedMind("test:silent", (t, seen) -> Action.none("b"));
        var sink = new RecordingSink();
        runOn(kit, run(episode("free/1", new TurnProtocol.Free(Duration.ofMillis(300)), limits(10), new Room(List.of("a")),
                List.of(agent("a", a), agent("b", b)))), sink);

        assertThat(sink.actions("free/1")).containsExactly("a:speak:ping", "b:none:", "a:leave:giving up");
        var timeouts = sink.entries("free/1", TranscriptEntry.OBSERVATION).stream()
                .filter(e -> "timeout".equals(e.data().get("kind"))).toList();
        assertThat(timeouts).hasSize(1);
        assertThat(timeouts.get(0).agent()).isEqualTo("a");
        assertThat(timeouts.get(0).data()).containsEntry("source", Observation.ENVIRONMENT);
        // Events cross the kernel's serializer in tests, so numbers come back as the smallest type that holds them.
        assertThat(timeouts.get(0).data().get("data").toString()).isEqualTo("{awaiting=b, waited-ms=300}");
        assertThat(sink.result("free/1").endReason()).isEqualTo("agent-left");
        assertThat(sink.result("free/1").turns()).isEqualTo(3);
    }

    @Test
    void freeReplyInTimeEndsTheWaitWithoutATimeout() {
        var a = new ScriptedMind("test:asker", (t, seen) -> seen.stream().anyMatch(o -> o.source().equals("b"))
                ? Action.leave("a", "thanks")
                : Action.speak("a", "ping").addressedTo("b").waitingForReply(5_000));
        var b = new ScriptedMind("test:replier", (t, seen) -> Action.speak("b", "pong").addressedTo("a"), t -> 50);
        var sink = new RecordingSink();
        long started = System.nanoTime();
        runOn(kit, run(episode("free/2", new TurnProtocol.Free(Duration.ofSeconds(30)), limits(10), new Room(List.of("a")),
                List.of(agent("a", a), agent("b", b)))), sink);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(sink.actions("free/2")).containsExactly("a:speak:ping", "b:speak:pong", "a:leave:thanks");
        assertThat(sink.entries("free/2", TranscriptEntry.OBSERVATION))
                .noneMatch(e -> "timeout".equals(e.data().get("kind")));
    }

    @Test
    void freeLetsFastAgentsActWhileASlowOneThinks() {
        // "slow" needs 400 ms; meanwhile "b" and "c" exchange lines whenever they have news.
        var slow = new ScriptedMind("test:slow", (t, s) -> Action.speak("slow", "finally").addressedTo("b"), t -> 400);
        ScriptedMind.Policy chatty = (t, seen) -> {
            long fromPeer = seen.stream().filter(o -> !o.source().equals("slow") && !o.source().equals(Observation.ENVIRONMENT)).count();
            String peer = t.agent().equals("b") ? "c" : "b";
            return fromPeer < 3 ? Action.speak(t.agent(), t.agent() + fromPeer).addressedTo(peer) : Action.none(t.agent());
        };
        var sink = new RecordingSink();
        runOn(kit, run(episode("free/3", new TurnProtocol.Free(Duration.ofSeconds(1)), limits(30), new Room(null),
                List.of(agent("slow", slow), agent("b", new ScriptedMind("test:chatty", chatty)),
                        agent("c", new ScriptedMind("test:chatty", chatty))))), sink);

        List<String> speakers = sink.speakers("free/3");
        int slowAt = speakers.indexOf("slow");
        assertThat(slowAt).as("fast agents acted before the slow one answered: %s", speakers).isGreaterThanOrEqualTo(4);
        assertThat(speakers.subList(0, slowAt)).containsOnly("b", "c");
        assertThat(sink.result("free/3").endReason()).isEqualTo("quiescent");
    }
}
