package org.parley.monitoring;

import java.util.Arrays;

/**
 * Meters by name in a short array, scanned for the very same string first and then for an equal
 * one. Environments name their metrics with string literals, so a look-up usually compares a few
 * references in an array every core has in cache, where a hash map would first read the name's
 * characters. The names sit in an array of their own, so the scan reads consecutive references
 * and no entry objects. Past {@value #MAX} names it stops growing and callers keep their slower
 * path.
 */
final class NamedMeters<M> {
    static final int MAX = 64;

    /** Names and their meters at the same places; replaced whole, so a reader sees one or the other. */
    private record Table(String[] names, Object[] meters) {}

    private volatile Table table = new Table(new String[0], new Object[0]);

    /** The meter remembered under {@code name}, or null. */
    @SuppressWarnings("unchecked")
    M get(String name) {
        var t = table;
        var names = t.names;
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return (M) t.meters[i];
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return (M) t.meters[i];
            }
        }
        return null;
    }

    /** Remembers {@code meter} under {@code name} unless a meter is already there or the array is full. */
    synchronized void remember(String name, M meter) {
        var t = table;
        if (get(name) != null || t.names.length >= MAX) {
            return;
        }
        var names = Arrays.copyOf(t.names, t.names.length + 1);
        var meters = Arrays.copyOf(t.meters, t.meters.length + 1);
        names[t.names.length] = name;
        meters[t.meters.length] = meter;
        table = new Table(names, meters);
    }
}
