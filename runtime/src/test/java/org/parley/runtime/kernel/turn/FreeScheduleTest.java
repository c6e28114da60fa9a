package org.parley.runtime.kernel.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;

class FreeScheduleTest {
    private final FreeSchedule schedule = new FreeSchedule(List.of("a", "b", "c"), Map.of("a", 0, "b", 1, "c", 2),
            Duration.ofSeconds(5));

    @Test
    void idleAgentsWithSomethingNewDecideInDeclaredOrder() {
        assertThat(schedule.quiescent()).isTrue();
        schedule.observed("c", Observation.ENVIRONMENT);
        schedule.observed("a", Observation.ENVIRONMENT);
        assertThat(schedule.dueToDecide()).containsExactly("a", "c");
        assertThat(schedule.dueToDecide()).as("already deciding").isEmpty();
        // News while deciding makes the agent decide again once its action is applied.
        schedule.observed("a", "b");
        assertThat(schedule.acted(Action.speak("a", "hi"))).isZero();
        assertThat(schedule.dueToDecide()).containsExactly("a");
    }

    @Test
    void anAgentsOwnEchoIsNotNews() {
        schedule.observed("a", "a");
        assertThat(schedule.dueToDecide()).isEmpty();
        assertThat(schedule.quiescent()).isTrue();
    }

    @Test
    void sendAndWaitEndsWithTheAddresseesReply() {
        schedule.observed("a", Observation.ENVIRONMENT);
        schedule.dueToDecide();
        long wait = schedule.acted(Action.speak("a", "ping").addressedTo("b").waitingForReply(2_000));
        assertThat(wait).isEqualTo(2_000);
        assertThat(schedule.state("a")).isEqualTo(FreeSchedule.State.WAITING);
        assertThat(schedule.quiescent()).isFalse();
        assertThat(schedule.observed("a", "c")).as("someone else speaking is not the reply").isFalse();
        assertThat(schedule.dueToDecide()).as("waiting agents do not decide").isEmpty();
        assertThat(schedule.observed("a", "b")).isTrue();
        assertThat(schedule.dueToDecide()).containsExactly("a");
    }

    @Test
    void sendAndWaitTimesOutOnceAndIsCappedByMaxWait() {
        schedule.observed("a", Observation.ENVIRONMENT);
        schedule.dueToDecide();
        long wait = schedule.acted(Action.speak("a", "ping").addressedTo("b").waitingForReply(60_000));
        assertThat(wait).isEqualTo(5_000);
        long token = schedule.waitToken("a");
        assertThat(schedule.awaiting("a")).isEqualTo("b");
        assertThat(schedule.timedOut("a", token)).isTrue();
        assertThat(schedule.timedOut("a", token)).as("a stale timer").isFalse();
        assertThat(schedule.dueToDecide()).containsExactly("a");
    }

    @Test
    void aReplyBeforeTheTimerMakesTheTimerStale() {
        schedule.observed("a", Observation.ENVIRONMENT);
        schedule.dueToDecide();
        schedule.acted(Action.speak("a", "ping").addressedTo("b").waitingForReply(1_000));
        long token = schedule.waitToken("a");
        schedule.observed("a", "b");
        assertThat(schedule.timedOut("a", token)).isFalse();
    }

    @Test
    void aZeroMaxWaitMeansNobodyWaits() {
        var noWaiting = new FreeSchedule(List.of("a", "b"), Map.of("a", 0, "b", 1), Duration.ZERO);
        noWaiting.observed("a", Observation.ENVIRONMENT);
        noWaiting.dueToDecide();
        assertThat(noWaiting.acted(Action.speak("a", "ping").addressedTo("b").waitingForReply(1_000))).isZero();
        assertThat(noWaiting.state("a")).isEqualTo(FreeSchedule.State.IDLE);
    }
}
