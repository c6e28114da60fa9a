package org.parley.runtime.seed;

import java.nio.charset.StandardCharsets;

/**
 * Derives every seed of a run from the run seed, so that the same scenario and seed reproduce the
 * same episodes whatever the parallelism or the order in which episodes happen to run.
 */
public final class Seeds {
    private Seeds() {}

    /** Seed of one episode: (run seed, condition, episode index). */
    public static long episode(long runSeed, String condition, int index) {
        return mix(mix(runSeed ^ hash(condition)) + index);
    }

    /** Seed of one agent inside an episode. */
    public static long agent(long episodeSeed, String agentId) {
        return mix(episodeSeed ^ mix(hash(agentId)));
    }

    /** Seed for a named purpose inside an episode (environment, judge, barrier…). */
    public static long derive(long seed, String purpose) {
        return mix(seed + 0x9E3779B97F4A7C15L * hash(purpose));
    }

    private static long hash(String s) {
        // FNV-1a over UTF-8: stable across JVMs, unlike String.hashCode's spread or Map ordering.
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64 finaliser: a cheap, well-distributed bijection on longs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
