package org.parley.scenarios.mind;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The mind kinds installed on the classpath, by name. */
public final class MindKinds {
    private final Map<String, MindKind> kinds;

    public MindKinds(Collection<MindKind> kinds) {
        var byName = new TreeMap<String, MindKind>();
        for (MindKind k : kinds) {
            byName.putIfAbsent(k.name(), k);
        }
        this.kinds = byName;
    }

    /** Rule-based minds plus every kind found by the service loader. */
    public static MindKinds installed() {
        var list = new java.util.ArrayList<MindKind>();
        list.add(new RuleBasedMindKind());
        ServiceLoader.load(MindKind.class).forEach(list::add);
        return new MindKinds(list);
    }

    public MindKind get(String name) {
        return kinds.get(name);
    }

    public List<String> names() {
        return List.copyOf(kinds.keySet());
    }

    public Collection<MindKind> all() {
        return kinds.values();
    }
}
