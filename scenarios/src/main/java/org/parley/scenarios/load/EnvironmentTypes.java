package org.parley.scenarios.load;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.parley.environments.spi.EnvironmentType;

/** The environment types installed on the classpath, by name. */
public final class EnvironmentTypes {
    private final Map<String, EnvironmentType<?>> types;

    public EnvironmentTypes(Collection<? extends EnvironmentType<?>> types) {
        var byName = new TreeMap<String, EnvironmentType<?>>();
        for (EnvironmentType<?> t : types) {
            byName.putIfAbsent(t.name(), t);
        }
        this.types = byName;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static EnvironmentTypes installed() {
        var list = new java.util.ArrayList<EnvironmentType<?>>();
        for (EnvironmentType t : ServiceLoader.load(EnvironmentType.class)) {
            list.add(t);
        }
        return new EnvironmentTypes(list);
    }

    public EnvironmentType<?> get(String name) {
        return types.get(name);
    }

    public List<String> names() {
        return List.copyOf(types.keySet());
    }

    public Collection<EnvironmentType<?>> all() {
        return types.values();
    }
}
