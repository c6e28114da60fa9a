package org.parley.environments.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarrierComparisonTest {

    @Test
    void meanIntervalAndRelativeChange() {
        var e = BarrierComparison.estimate(List.of(1.0, 2.0, 3.0, 4.0));
        assertThat(e.mean()).isEqualTo(2.5);
        // sd = 1.29099, se = 0.645497, half-width = 1.96 * se
        assertThat(e.halfWidth()).isCloseTo(1.959964 * 0.645497, within(1e-5));

        var c = BarrierComparison.compare(List.of(4.0, 4.2, 3.8, 4.0), List.of(2.0, 2.2, 1.8, 2.0));
        assertThat(c.relativeChange()).isCloseTo(-0.5, within(1e-12));
        assertThat(c.low()).isLessThan(-0.5);
        assertThat(c.high()).isGreaterThan(-0.5);
        assertThat(c.separated()).isTrue();
        assertThat(BarrierComparison.compare(List.of(1.0, 3.0), List.of(1.5, 2.5)).separated()).isFalse();
    }
}
