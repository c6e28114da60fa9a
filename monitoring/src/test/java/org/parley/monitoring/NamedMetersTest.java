package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedMetersTest {

    @Test
    void findsAMeterByTheSameStringOrAnEqualOne() {
        var meters = new NamedMeters<Integer>();
        meters.remember("offers", 1);
        meters.remember("deals", 2);
        assertThat(meters.get("deals")).isEqualTo(2);
        assertThat(meters.get(new String("offers"))).isEqualTo(1); // an equal string built at run time
        assertThat(meters.get("refusals")).isNull();
    }

    @Test
    void keepsTheFirstMeterOfANameAndStopsGrowingAtItsLimit() {
        var meters = new NamedMeters<Integer>();
        meters.remember("offers", 1);
        meters.remember("offers", 9);
        assertThat(meters.get("offers")).isEqualTo(1);
        for (int i = 0; i < NamedMeters.MAX + 10; i++) {
            meters.remember("m" + i, i);
        }
        assertThat(meters.get("m" + (NamedMeters.MAX - 2))).isEqualTo(NamedMeters.MAX - 2);
        assertThat(meters.get("m" + (NamedMeters.MAX + 5))).isNull(); // callers keep their own map for these
    }
}
