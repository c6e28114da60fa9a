package org.parley.models;

import java.util.function.LongSupplier;

/**
 * A rate limit as a token bucket that hands out reservations: a caller takes what it needs at once,
 * the level may go negative, and the caller is told how long to wait until its share has refilled.
 * Reservations are granted in call order, so callers queue fairly and nothing is dropped.
 *
 * <p>The bucket holds at most {@code burst} tokens, so over any window of {@code t} seconds at most
 * {@code burst + rate·t} tokens are spent.
 */
public final class TokenBucket {
    private final double perNano;
    private final double burst;
    private final LongSupplier clock;
    private double level;
    private long last;

    /**
     * @param perMinute tokens added per minute
     * @param burst     most tokens the bucket holds (also its starting level)
     * @param clock     nanosecond clock ({@code System::nanoTime}, or a fake in tests)
     */
    public TokenBucket(double perMinute, double burst, LongSupplier clock) {
        if (perMinute <= 0 || burst <= 0) {
            throw new IllegalArgumentException("a token bucket needs a positive rate and burst");
        }
        this.perNano = perMinute / 60e9;
        this.burst = burst;
        this.clock = clock;
        this.level = burst;
        this.last = clock.getAsLong();
    }

    /** A bucket whose burst is one second of its rate (at least one token). */
    public static TokenBucket perMinute(double perMinute, LongSupplier clock) {
        return new TokenBucket(perMinute, Math.max(1, Math.ceil(perMinute / 60)), clock);
    }

    /** Reserves {@code amount} tokens and returns how many nanoseconds to wait before using them. */
    public synchronized long reserve(double amount) {
        refill();
        level -= amount;
        return level >= 0 ? 0 : (long) Math.ceil(-level / perNano);
    }

    /** Corrects an earlier reservation once the real amount is known (positive gives tokens back). */
    public synchronized void adjust(double delta) {
        refill();
        level = Math.min(burst, level + delta);
    }

    public synchronized double level() {
        refill();
        return level;
    }

    private void refill() {
        long now = clock.getAsLong();
        level = Math.min(burst, level + (now - last) * perNano);
        last = now;
    }
}
