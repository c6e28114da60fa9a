package org.parley.scenarios.load;

import org.parley.scenarios.model.SourceLocation;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each node of a scenario tree was written, keyed by JSON pointer ({@code /agents/1/mind}).
 * Keeps the key's position (for unknown or misspelled keys) and the value's position (for wrong
 * values). Nodes replaced by an override point at the override instead.
 */
public final class Locations {
    /** Positions of one node. */
    public record Entry(SourceLocation key, SourceLocation value) {}

    private final TreeMap<String, Entry> entries;

    public Locations() {
        this.entries = new TreeMap<>();
    }

    private Locations(TreeMap<String, Entry> entries) {
        this.entries = entries;
    }

    public Locations copy() {
        return new Locations(new TreeMap<>(entries));
    }

    public void put(String pointer, SourceLocation key, SourceLocation value) {
        entries.put(pointer, new Entry(key, value));
    }

    /** Position of the value at the pointer, or of its nearest written ancestor. */
    public SourceLocation value(String pointer) {
        return find(pointer).value();
    }

    /** Position of the key that names the pointer's node (its value's position for list items). */
    public SourceLocation key(String pointer) {
        return find(pointer).key();
    }

    private Entry find(String pointer) {
        String p = pointer;
        while (true) {
            Entry e = entries.get(p);
            if (e != null) {
                return e;
            }
            if (p.isEmpty()) {
                return new Entry(SourceLocation.of("<scenario>"), SourceLocation.of("<scenario>"));
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /** Everything at and under the pointer now comes from {@code where} (an override). */
    public void replaceSubtree(String pointer, SourceLocation where) {
        removeSubtree(pointer);
        entries.put(pointer, new Entry(where, where));
    }

    /** Puts another document's positions under a pointer (a persona file read into the scenario). */
    public void graft(String pointer, Locations other) {
        SourceLocation key = key(pointer);
        removeSubtree(pointer);
        for (Map.Entry<String, Entry> e : other.entries.entrySet()) {
            entries.put(pointer + e.getKey(), e.getValue());
        }
        Entry root = entries.get(pointer);
        if (root != null) {
            entries.put(pointer, new Entry(key, root.value()));
        }
    }

    private void removeSubtree(String pointer) {
        entries.remove(pointer);
        entries.subMap(pointer + "/", true, pointer + "0", false).clear();
    }

    /** One JSON-pointer segment, escaped. */
    public static String segment(String name) {
        return "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
