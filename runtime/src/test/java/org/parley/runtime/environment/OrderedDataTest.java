package org.parley.runtime.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderedDataTest {

    @Test
    void unorderedMapsComeOutInKeyOrderAtEveryDepth() {
        var inner = new HashMap<String, Object>();
        inner.put("zeta", 1);
        inner.put("alpha", 2);
        var outer = new HashMap<String, Object>();
        outer.put("y", inner);
        outer.put("b", List.of(Map.of("q", 1, "c", 2)));
        outer.put("m", new HashSet<>(List.of("pear", "apple")));

        var copy = OrderedData.copy(outer);

        assertThat(copy.keySet()).containsExactly("b", "m", "y");
        assertThat(String.valueOf(copy.get("y"))).isEqualTo("{alpha=2, zeta=1}");
        assertThat(String.valueOf(copy.get("b"))).isEqualTo("[{c=2, q=1}]");
        assertThat(String.valueOf(copy.get("m"))).isEqualTo("[apple, pear]");
    }

    @Test
    void orderedMapsKeepTheirOrderThroughRepeatedCopies() {
        var source = new LinkedHashMap<String, Object>();
        source.put("source", "a");
        source.put("kind", "speak");
        source.put("text", "hi");

        var action = new Action("a", "speak", "hi", null, source, 0, null);
        var again = action.withArgs(action.args());

        assertThat(again.args().keySet()).containsExactly("source", "kind", "text");
    }

    @Test
    void scoresFromMapOfAreOrderedByName() {
        var outcome = new Outcome(Map.of("b", Map.of("goal", 1.0, "deal", 0.0), "a", Map.of("x", 2.0)),
                Map.of("turns", 3.0, "deal_reached", 1.0));

        assertThat(outcome.agentScores().keySet()).containsExactly("a", "b");
        assertThat(outcome.agentScores().get("b").keySet()).containsExactly("deal", "goal");
        assertThat(outcome.episodeScores().keySet()).containsExactly("deal_reached", "turns");
    }
}
