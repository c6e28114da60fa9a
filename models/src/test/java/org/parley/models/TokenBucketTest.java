package org.parley.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void grantsTheBurstAtOnceThenPacesReservationsInOrder() {
        var bucket = TokenBucket.perMinute(600, now::get); // 10 per second, burst 10
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.reserve(1)).isZero();
        }
        assertThat(bucket.reserve(1)).isEqualTo(100_000_000L);
        assertThat(bucket.reserve(1)).isEqualTo(200_000_000L);
        now.addAndGet(1_000_000_000L);
        // Two tokens were already promised out of that second's ten.
        assertThat(bucket.level()).isCloseTo(8, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void reconcilingReturnsUnusedTokensButNeverAboveTheBurst() {
        var bucket = new TokenBucket(60_000, 1_000, now::get);
        bucket.reserve(900);
        bucket.adjust(900 - 300); // the call used 300 of the 900 reserved
        assertThat(bucket.level()).isCloseTo(700, org.assertj.core.api.Assertions.within(1e-6));
        bucket.adjust(5_000);
        assertThat(bucket.level()).isEqualTo(1_000);
        bucket.reserve(1_500); // larger than the burst: allowed, paid back over time
        assertThat(bucket.reserve(1)).isEqualTo(501L * 1_000_000L);
    }
}
