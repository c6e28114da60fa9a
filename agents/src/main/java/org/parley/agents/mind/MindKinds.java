package org.parley.agents.mind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The mind kinds installed on the classpath, by name. */
public final class MindKinds {
    private final Map<String, MindKind<?>> kinds;

    public MindKinds(Collection<? extends MindKind<?>> kinds) {
        var byName = new TreeMap<String, MindKind<?>>();
        for (MindKind<?> k : kinds) {
            byName.putIfAbsent(k.name(), k);
        }
        this.kinds = byName;
    }

    /** Rule-based minds plus every kind found by the service loader (through the thread's context class loader). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static MindKinds installed() {
        var list = new ArrayList<MindKind<?>>();
        list.add(new RuleBasedMindKind());
        for (MindKind kind : ServiceLoader.load(MindKind.class)) {
            list.add(kind);
        }
        return new MindKinds(list);
    }

    /** The kind of this name, or null. */
    public MindKind<?> get(String name) {
        return kinds.get(name);
    }

    public List<String> names() {
        return List.copyOf(kinds.keySet());
    }

    public Collection<MindKind<?>> all() {
        return kinds.values();
    }
}
