package org.parley.monitoring;

import java.util.Arrays;

/**
 * Meters by name in a short array, scanned for the very same string first and then for an equal
 * one. Environments name their metrics with string literals, so a look-up usually compares a few
 * references in an array every core has in cache, where a hash map would first read the name's
 * characters. Past {@value #MAX} names it stops growing and callers keep their slower path.
 */
final class NamedMeters<M> {
    static final int MAX = 64;

    private record Entry<M>(String name, M meter) {}

    @SuppressWarnings("unchecked")
    private volatile Entry<M>[] entries = new Entry[0];

    /** The meter remembered under {@code name}, or null. */
    M get(String name) {
        var e = entries;
        for (var entry : e) {
            if (entry.name == name) {
                return entry.meter;
            }
        }
        for (var entry : e) {
            if (entry.name.equals(name)) {
                return entry.meter;
            }
        }
        return null;
    }

    /** Remembers {@code meter} under {@code name} unless a meter is already there or the array is full. */
    synchronized void remember(String name, M meter) {
        if (get(name) != null || entries.length >= MAX) {
            return;
        }
        var grown = Arrays.copyOf(entries, entries.length + 1);
        grown[entries.length] = new Entry<>(name, meter);
        entries = grown;
    }
}
