package org.parley.runtime.kernel.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;

class RoundBarrierTest {
    private final List<String> agents = List.of("a", "b", "c");
    private final Map<String, Integer> positions = Map.of("a", 0, "b", 1, "c", 2);

    @Test
    void releasesAnswersInDeclaredOrderWhateverTheArrivalOrder() {
        var barrier = new RoundBarrier(3, agents, positions);
        assertThat(barrier.answer("c", Action.speak("c", "1"))).isTrue();
        assertThat(barrier.answer("a", Action.speak("a", "2"))).isTrue();
        assertThat(barrier.complete()).isFalse();
        assertThat(barrier.answer("b", Action.speak("b", "3"))).isTrue();
        assertThat(barrier.complete()).isTrue();
        assertThat(barrier.actionsInDeclaredOrder()).extracting(Action::agent).containsExactly("a", "b", "c");
        assertThat(barrier.stragglers()).isEmpty();
    }

    @Test
    void countsStragglersAndRefusesAnswersAfterClosing() {
        var barrier = new RoundBarrier(0, agents, positions);
        barrier.answer("b", Action.none("b"));
        assertThat(barrier.answer("b", Action.speak("b", "again"))).as("second answer").isFalse();
        assertThat(barrier.answer("zed", Action.none("zed"))).as("unknown agent").isFalse();
        barrier.close();
        assertThat(barrier.answer("a", Action.none("a"))).as("after close").isFalse();
        assertThat(barrier.answeredAgents()).containsExactly("b");
        assertThat(barrier.stragglers()).containsExactly("a", "c");
        assertThat(barrier.actionsInDeclaredOrder()).extracting(Action::kind).containsExactly("none");
    }
}
