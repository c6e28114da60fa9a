package org.parley.models;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Exponential backoff with full jitter (a uniform wait between zero and the exponential ceiling,
 * which spreads retrying callers apart), never shorter than the provider's Retry-After.
 * The jitter only shapes timing, never content, so its seed does not affect reproducibility.
 */
final class Backoff {
    private final RetrySettings settings;
    private final SplittableRandom random;

    Backoff(RetrySettings settings, long seed) {
        this.settings = settings;
        this.random = new SplittableRandom(seed);
    }

    /** The wait before attempt {@code failedAttempts + 1}. */
    synchronized Duration delay(int failedAttempts, Optional<Duration> retryAfter) {
        long initial = settings.initialBackoff().toNanos();
        long max = settings.maxBackoff().toNanos();
        int shift = Math.min(failedAttempts - 1, 40);
        long ceiling = initial <= 0 ? 0 : (shift >= 62 || initial > (max >> shift)) ? max : Math.min(max, initial << shift);
        long jittered = ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
        long floor = retryAfter.map(Duration::toNanos).orElse(0L);
        return Duration.ofNanos(Math.max(floor, jittered));
    }
}
