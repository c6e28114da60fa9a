package org.parley.runtime.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void welchIntervalMatchesAHandComputation() {
        // baseline: 10, 12, 14 (mean 12, sd 2); condition: 6, 7, 8, 9 (mean 7.5, sd 1.29)
        var base = ScoreStats.of(List.of(10.0, 12.0, 14.0));
        var cond = ScoreStats.of(List.of(6.0, 7.0, 8.0, 9.0));

        var c = Comparison.of("low", "base", "goal", cond, base).orElseThrow();

        assertThat(c.difference()).isCloseTo(-4.5, within(1e-12));
        // se = sqrt(4/3 + 1.6667/4) = 1.3229; df = 3.06 -> 3; t(0.975, 3) = 3.1824
        assertThat(c.ciLow()).isCloseTo(-4.5 - 3.1824 * 1.3229, within(1e-3));
        assertThat(c.ciHigh()).isCloseTo(-4.5 + 3.1824 * 1.3229, within(1e-3));
        assertThat(c.relative()).isCloseTo(-0.375, within(1e-12));
        assertThat(c.clear()).isTrue(); // [-8.71, -0.29]
    }

    @Test
    void everyOtherConditionIsComparedWithTheBaselineOnSharedScores() {
        var a = ScoreStats.of(List.of(1.0, 1.0, 1.0, 1.0));
        var b = ScoreStats.of(List.of(0.0, 0.0, 0.0, 0.0));
        var summaries = List.of(
                new Summary.ConditionSummary("baseline", 4, 4, 0, a, Map.of("deal", a, "price", a), Map.of()),
                new Summary.ConditionSummary("stubborn", 4, 4, 0, a, Map.of("deal", b), Map.of()));

        var comparisons = Comparison.against("baseline", summaries);

        assertThat(comparisons).singleElement().satisfies(c -> {
            assertThat(c.condition()).isEqualTo("stubborn");
            assertThat(c.score()).isEqualTo("deal");
            assertThat(c.relative()).isEqualTo(-1.0);
            assertThat(c.clear()).isTrue();
            assertThat(c.display()).isEqualTo("-100.0% [-100.0, -100.0]");
        });
    }

    @Test
    void aZeroBaselineIsReportedAsADifference() {
        var zero = ScoreStats.of(List.of(0.0, 0.0, 0.0));
        var some = ScoreStats.of(List.of(1.0, 2.0, 3.0));

        var c = Comparison.of("x", "base", "conflicts", some, zero).orElseThrow();

        assertThat(c.relative()).isNaN();
        assertThat(c.display()).startsWith("+2.00 [");
    }
}
