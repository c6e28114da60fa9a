package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.runtime.kernel.Plans.agent;
import static org.parley.runtime.kernel.Plans.episode;
import static org.parley.runtime.kernel.Plans.limits;
import static org.parley.runtime.kernel.Plans.run;
import static org.parley.runtime.kernel.Plans.runOn;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.Limits;
import org.parley.runtime.output.TranscriptEntry;

/** Every way an episode ends, and what is recorded when it does. */
class TerminationTest extends KernelTest {

    private static ScriptedMind talker() {
        return new ScriptedMind("test:talker", (t, s) -> Action.speak(t.agent(), "line " + t.number()));
    }

    private static ScriptedMind idle() {
        return new ScriptedMind("test:idle", (t, s) -> Action.none(t.agent()));
    }

    private RecordingSink play(String id, TurnProtocol protocol, Limits limits, Room room, ScriptedMind a, ScriptedMind b) {
        var sink = new RecordingSink();
        runOn(kit, run(episode(id, protocol, limits, room, List.of(agent("a", a), agent("b", b)))), sink);
        return sink;
    }

    @Test
    void theEnvironmentEndsTheEpisodeWithItsOwnReason() {
        var room = new Room(null).endingAfter(3);
        var l = play("t/env", new TurnProtocol.Alternating(null), limits(20), room, talker(), talker());

        EpisodeResult r = l.result("t/env");
        assertThat(r.status()).isEqualTo(EpisodeResult.Status.COMPLETED);
        assertThat(r.endReason()).isEqualTo("room-closed");
        assertThat(r.turns()).isEqualTo(3);
        assertThat(room.endedWith).as("an environment's own ending is not echoed back to it").isNull();
        assertThat(r.outcome().agentScores()).containsEntry("a", Map.of("lines", 2.0)).containsEntry("b", Map.of("lines", 1.0));
    }

    @Test
    void theTurnCapEndsTheEpisodeAndTheEnvironmentIsTold() {
        var room = new Room(null);
        var l = play("t/max", new TurnProtocol.RoundRobin(), limits(4), room, talker(), talker());

        assertThat(l.result("t/max").endReason()).isEqualTo("max-turns");
        assertThat(l.result("t/max").turns()).isEqualTo(4);
        assertThat(room.endedWith).isEqualTo("max-turns");
        List<TranscriptEntry> t = l.transcript("t/max");
        TranscriptEntry closing = t.get(t.size() - 2);
        assertThat(closing.type()).isEqualTo(TranscriptEntry.EVENT);
        assertThat(closing.data()).containsEntry("event", "closing");
        TranscriptEntry end = t.get(t.size() - 1);
        assertThat(end.type()).isEqualTo(TranscriptEntry.EPISODE_END);
        assertThat(end.data()).containsEntry("status", "completed").containsEntry("reason", "max-turns").containsEntry("turns", 4L);
        assertThat(end.data().get("outcome").toString()).contains("lines=2.0").contains("actions=4.0");
    }

    @Test
    void anAgentLeavingEndsTheEpisodeWhenTheLimitsSaySo() {
        var leaver = new ScriptedMind("test:leaver", (t, s) -> t.number() >= 3 ? Action.leave("b", "bye") : Action.speak("b", "hm"));
        var room = new Room(null);
        var l = play("t/leave", new TurnProtocol.Alternating(null), limits(20), room, talker(), leaver);

        assertThat(l.result("t/leave").endReason()).isEqualTo("agent-left");
        assertThat(l.result("t/leave").turns()).isEqualTo(4);
        assertThat(room.endedWith).isEqualTo("agent-left");
        assertThat(l.actions("t/leave")).last().isEqualTo("b:leave:bye");
    }

    @Test
    void leavingDoesNotEndTheEpisodeWhenEndOnLeaveIsOff() {
        var leaver = new ScriptedMind("test:leaver", (t, s) -> Action.leave("b", "bye"));
        var limits = new Limits(6, 0, false, Duration.ofSeconds(20), Duration.ofSeconds(10));
        var l = play("t/stay", new TurnProtocol.Alternating(null), limits, new Room(null), talker(), leaver);

        assertThat(l.result("t/stay").endReason()).isEqualTo("max-turns");
    }

    @Test
    void consecutiveTurnsOfNothingMakeTheEpisodeStale() {
        var limits = new Limits(50, 3, true, Duration.ofSeconds(20), Duration.ofSeconds(10));
        var talksOnce = new ScriptedMind("test:once", (t, s) -> t.number() == 0 ? Action.speak("a", "hello") : Action.none("a"));
        var l = play("t/stale", new TurnProtocol.Alternating(null), limits, new Room(null), talksOnce, idle());

        assertThat(l.result("t/stale").endReason()).isEqualTo("stale");
        assertThat(l.result("t/stale").turns()).isEqualTo(4);
    }

    @Test
    void aSimultaneousRoundCountsAsStaleOnlyWhenEveryoneDidNothing() {
        var limits = new Limits(50, 2, true, Duration.ofSeconds(20), Duration.ofSeconds(10));
        var sometimes = new ScriptedMind("test:sometimes", (t, s) -> t.number() < 3 ? Action.speak("a", "x") : Action.none("a"));
        var l = play("t/stale-sim", new TurnProtocol.Simultaneous(Duration.ofSeconds(5)), limits, new Room(null), sometimes, idle());

        assertThat(l.result("t/stale-sim").endReason()).isEqualTo("stale");
        assertThat(l.result("t/stale-sim").turns()).isEqualTo(5);
    }

    @Test
    void freeEndsWhenEveryAgentIsIdleWithNothingNew() {
        var opener = new ScriptedMind("test:opener", (t, s) -> Action.speak("a", "hello"));
        var l = play("t/quiet", new TurnProtocol.Free(Duration.ofSeconds(1)), limits(20), new Room(List.of("a")), opener, idle());

        assertThat(l.result("t/quiet").endReason()).isEqualTo("quiescent");
        assertThat(l.actions("t/quiet")).containsExactly("a:speak:hello", "b:none:");
    }

    @Test
    void theEpisodeTimeoutFailsAStuckEpisode() {
        var stuck = new ScriptedMind("test:stuck", (t, s) -> Action.speak("a", "late"), t -> 5_000);
        var limits = new Limits(20, 0, true, Duration.ofMillis(300), Duration.ofSeconds(30));
        var room = new Room(null);
        var l = play("t/slow", new TurnProtocol.Alternating(null), limits, room, stuck, talker());

        EpisodeResult r = l.result("t/slow");
        assertThat(r.status()).isEqualTo(EpisodeResult.Status.FAILED);
        assertThat(r.endReason()).isEqualTo("episode-timeout");
        assertThat(room.endedWith).isEqualTo("episode-timeout");
        assertThat(l.entries("t/slow", TranscriptEntry.FAILURE)).singleElement()
                .satisfies(f -> assertThat(f.data().get("message").toString()).startsWith("episode-timeout"));
    }

    @Test
    void aMindThatDoesNotAnswerInTimeFailsItsTurnAndTheEpisode() {
        var slow = new ScriptedMind("test:slow", (t, s) -> Action.speak("b", "late"), t -> 3_000);
        var limits = new Limits(20, 0, true, Duration.ofSeconds(20), Duration.ofMillis(200));
        var l = play("t/action", new TurnProtocol.Alternating(null), limits, new Room(null), talker(), slow);

        EpisodeResult r = l.result("t/action");
        assertThat(r.status()).isEqualTo(EpisodeResult.Status.FAILED);
        assertThat(r.endReason()).startsWith("failed: action-timeout: 'b'");
        assertThat(r.turns()).isEqualTo(1);
        var failure = l.entries("t/action", TranscriptEntry.FAILURE).get(0);
        assertThat(failure.agent()).isEqualTo("b");
        assertThat(failure.data()).containsEntry("phase", "decide");
        assertThat(failure.turn()).isEqualTo(1);
    }

    @Test
    void everyStepIsRecordedInOrderWithLogicalTime() {
        var room = new Room(null).withEvents(a -> List.of(new Fact("spoke", a.agent(), Map.of("chars", a.text().length()))));
        var l = play("t/record", new TurnProtocol.Alternating(null), limits(2), room, talker(), talker());

        var lines = l.transcript("t/record").stream()
                .map(e -> e.seq() + "|" + e.turn() + "|" + e.time() + "|" + e.type() + "|" + e.agent()).toList();
        assertThat(lines).containsExactly(
                "0|0|0|episode-start|null",
                "1|0|1|observation|a",
                "2|0|2|observation|b",
                "3|0|3|event|null",
                "4|0|4|action|a",
                "5|0|5|observation|b",
                "6|0|6|event|a",
                "7|1|1000|action|b",
                "8|1|1001|observation|a",
                "9|1|1002|event|b",
                "10|2|2000|event|null",
                "11|2|2001|episode-end|null");
        var start = l.transcript("t/record").get(0).data();
        assertThat(start).containsEntry("protocol", "alternating").containsEntry("seed", 7L);
        assertThat(start.get("agents")).isEqualTo(List.of(
                Map.of("id", "a", "role", "role-a", "mind", "test:talker"),
                Map.of("id", "b", "role", "role-b", "mind", "test:talker")));
        var action = l.entries("t/record", TranscriptEntry.ACTION).get(0).data();
        assertThat(action).containsEntry("kind", "speak").containsEntry("produced-by", "test:talker");
        assertThat(l.decided).extracting(RecordingSink.Decided::role).containsExactly("role-a", "role-b");
        // Turn 0: both briefings wait; turn 1: b still has its briefing and a's line (a read its own when it decided).
        assertThat(l.backlog).containsExactly(2, 2);
    }
}
