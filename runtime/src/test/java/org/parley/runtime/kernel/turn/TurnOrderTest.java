package org.parley.runtime.kernel.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.runtime.protocol.TurnProtocol;

class TurnOrderTest {

    private static List<String> take(TurnOrder order, int n) {
        var out = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            out.add(order.next());
        }
        return out;
    }

    @Test
    void alternationStartsWithTheFirstSpeakerOrTheFirstDeclared() {
        assertThat(take(new Alternation(List.of("buyer", "seller"), "seller"), 4)).containsExactly("seller", "buyer", "seller", "buyer");
        assertThat(take(new Alternation(List.of("buyer", "seller"), null), 3)).containsExactly("buyer", "seller", "buyer");
    }

    @Test
    void alternationExplainsWhatIsWrong() {
        assertThatThrownBy(() -> new Alternation(List.of("a", "b", "c"), null))
                .hasMessageContaining("exactly 2 agents").hasMessageContaining("[a, b, c]");
        assertThatThrownBy(() -> new Alternation(List.of("a", "b"), "x"))
                .hasMessageContaining("first-speaker 'x'").hasMessageContaining("[a, b]");
    }

    @Test
    void roundRobinCyclesInDeclaredOrder() {
        assertThat(take(new RoundRobinOrder(List.of("c", "a", "b")), 7)).containsExactly("c", "a", "b", "c", "a", "b", "c");
    }

    @Test
    void randomOrderReplaysFromItsSeedAndDiffersAcrossSeeds() {
        var agents = List.of("a", "b", "c", "d");
        var first = take(new SeededRandomOrder(agents, 11, true), 40);
        assertThat(take(new SeededRandomOrder(agents, 11, true), 40)).isEqualTo(first);
        assertThat(take(new SeededRandomOrder(agents, 12, true), 40)).isNotEqualTo(first);
        assertThat(first).containsAll(agents);
    }

    @Test
    void randomOrderWithoutRepeatsNeverPicksTheSameAgentTwiceInARow() {
        for (long seed = 0; seed < 50; seed++) {
            var order = take(new SeededRandomOrder(List.of("a", "b", "c"), seed, false), 60);
            for (int i = 1; i < order.size(); i++) {
                assertThat(order.get(i)).isNotEqualTo(order.get(i - 1));
            }
            assertThat(order).contains("a", "b", "c");
        }
        assertThat(take(new SeededRandomOrder(List.of("solo"), 3, false), 3)).containsExactly("solo", "solo", "solo");
    }

    @Test
    void factoryRoutesEachProtocol() {
        var agents = List.of("a", "b");
        assertThat(TurnOrders.of(new TurnProtocol.Alternating("b"), agents, 1).next()).isEqualTo("b");
        assertThat(TurnOrders.of(new TurnProtocol.RoundRobin(), agents, 1)).isInstanceOf(RoundRobinOrder.class);
        assertThat(TurnOrders.of(new TurnProtocol.RandomOrder(false), agents, 1)).isInstanceOf(SeededRandomOrder.class);
        assertThatThrownBy(() -> TurnOrders.of(new TurnProtocol.Free(null), agents, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
