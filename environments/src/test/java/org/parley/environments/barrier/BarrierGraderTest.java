package org.parley.environments.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarrierGraderTest {
    private static final List<InfoUnit> A = List.of(
            InfoUnit.of("a1", "t", "right", "wrong"), InfoUnit.of("a2", "t", "right", "wrong"),
            InfoUnit.of("a3", "t", "right", "wrong"), InfoUnit.of("a4", "t", "right", "wrong"));
    private static final List<InfoUnit> B = List.of(
            InfoUnit.of("b1", "t", "right", "wrong"), InfoUnit.of("b2", "t", "right", "wrong"));

    @Test
    void perfectUnderstandingScoresFiveAndOneAndFullGoals() {
        var g = BarrierGrader.grade(new BarrierGrader.Direction(A, allRight(A)), new BarrierGrader.Direction(B, allRight(B)));
        assertThat(g.mutualUnderstanding()).isEqualTo(5.0);
        assertThat(g.unresolvedConfusion()).isEqualTo(1.0);
        assertThat(g.goalA()).isEqualTo(10.0);
        assertThat(g.goalB()).isEqualTo(10.0);
    }

    @Test
    void eachUnitStateCountsAsDocumented() {
        var bHolds = new LinkedHashMap<String, Belief>();
        bHolds.put("a1", new Belief("right", false));   // correct: u 1, c 0
        bHolds.put("a2", new Belief("right", true));    // correct but doubted: u .5, c .5
        bHolds.put("a3", new Belief("wrong", false));   // misread: u 0, c 1
        // a4 missing: u 0, c .5
        var aHolds = Map.of("b1", new Belief("wrong", true)); // unclear: u 0, c 1; b2 missing: c .5
        var g = BarrierGrader.grade(new BarrierGrader.Direction(A, bHolds), new BarrierGrader.Direction(B, aHolds));
        assertThat(g.mutualUnderstanding()).isCloseTo(1 + 4 * 1.5 / 6, within(1e-12));
        assertThat(g.unresolvedConfusion()).isCloseTo(1 + 4 * 3.5 / 6, within(1e-12));
        assertThat(g.goalA()).isCloseTo(10 * 1.5 / 4, within(1e-12));
        assertThat(g.goalB()).isZero();
        assertThat(List.of(g.correct(), g.correctDoubted(), g.misread(), g.unclear(), g.missing())).containsExactly(1, 1, 1, 1, 2);
    }

    private static Map<String, Belief> allRight(List<InfoUnit> units) {
        var m = new LinkedHashMap<String, Belief>();
        units.forEach(u -> m.put(u.id(), new Belief(u.value(), false)));
        return m;
    }
}
