package org.parley.runtime.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TDistributionTest {

    @Test
    void criticalValuesMatchPublishedTables() {
        assertThat(TDistribution.critical(0.95, 1)).isCloseTo(12.7062047, within(1e-6));
        assertThat(TDistribution.critical(0.95, 2)).isCloseTo(4.3026527, within(1e-6));
        assertThat(TDistribution.critical(0.95, 9)).isCloseTo(2.2621572, within(1e-6));
        assertThat(TDistribution.critical(0.95, 30)).isCloseTo(2.0422725, within(1e-6));
        assertThat(TDistribution.critical(0.95, 100)).isCloseTo(1.9839715, within(1e-6));
        assertThat(TDistribution.critical(0.99, 20)).isCloseTo(2.8453397, within(1e-6));
        assertThat(TDistribution.critical(0.95, 100_000)).isCloseTo(1.959992, within(1e-5));
    }

    @Test
    void cdfIsSymmetric() {
        assertThat(TDistribution.cdf(0, 5)).isCloseTo(0.5, within(1e-12));
        assertThat(TDistribution.cdf(-2, 5) + TDistribution.cdf(2, 5)).isCloseTo(1, within(1e-12));
        assertThat(TDistribution.quantile(0.025, 9)).isCloseTo(-2.2621572, within(1e-6));
    }

    @Test
    void scoreStatsGiveMeanSdAndInterval() {
        // values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample sd sqrt(32/7)
        ScoreStats s = ScoreStats.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));
        assertThat(s.n()).isEqualTo(8);
        assertThat(s.mean()).isEqualTo(5.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        double half = 2.3646243 * Math.sqrt(32.0 / 7) / Math.sqrt(8);
        assertThat(s.ciLow()).isCloseTo(5 - half, within(1e-6));
        assertThat(s.ciHigh()).isCloseTo(5 + half, within(1e-6));
        assertThat(ScoreStats.of(List.of(3.0))).isEqualTo(new ScoreStats(1, 3, 0, 3, 3));
    }
}
