package org.parley.runtime.environment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * Copies structured data (action arguments, observation data, event details, scores) into maps
 * whose iteration order is the same in every JVM.
 *
 * <p>Transcripts must be byte-identical for the same seed, but {@code Map.of} and {@code HashMap}
 * iterate in an order that changes from one JVM start to the next. Maps that promise an order
 * ({@link SequencedMap}: {@code LinkedHashMap}, {@code TreeMap}) keep it; any other map is put in
 * key order. Nested maps and lists are copied the same way, so the rule holds at every depth.
 */
public final class OrderedData {
    private OrderedData() {}

    /**
     * A map of alternating keys and values in the order given, for event data, observation data and
     * action arguments written inline ({@code Map.of} with several entries would be put in key
     * order instead). The map is mutable, so a caller may add entries after.
     */
    @SuppressWarnings("unchecked")
    public static <V> Map<String, V> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs, got " + keysAndValues.length + " items");
        }
        var map = new LinkedHashMap<String, V>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }

    /** An unmodifiable, stably ordered deep copy; empty for null. */
    public static Map<String, Object> copy(Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        var out = new LinkedHashMap<String, Object>();
        for (var entry : stable(source).entrySet()) {
            out.put(entry.getKey(), value(entry.getValue()));
        }
        return Collections.unmodifiableSequencedMap(out);
    }

    /** An unmodifiable, stably ordered copy of a flat map of scores. */
    public static <V> Map<String, V> copyFlat(Map<String, V> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableSequencedMap(new LinkedHashMap<>(stable(source)));
    }

    private static <V> Map<String, V> stable(Map<String, V> source) {
        return source instanceof SequencedMap<String, V> ? source : new TreeMap<>(source);
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            var keyed = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> keyed.put(String.valueOf(k), v));
            return copy(map instanceof SequencedMap<?, ?> ? keyed : new TreeMap<>(keyed));
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            Collection<?> ordered = items instanceof SequencedCollection<?> ? items : sortedByText(items);
            for (Object item : ordered) {
                list.add(value(item));
            }
            return Collections.unmodifiableList(list);
        }
        return value;
    }

    private static List<?> sortedByText(Collection<?> items) {
        var list = new ArrayList<Object>(items);
        list.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
        return list;
    }
}
