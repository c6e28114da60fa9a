package org.parley.environments.spi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what a class fixes a generic interface's type argument to, following superclasses and
 * interfaces in between ({@code class Base<X> implements Generic<X>}, {@code class Mine extends
 * Base<Params>}), so an SPI can default a {@code Class<P>} method to what the implementer wrote.
 */
final class TypeArguments {
    private TypeArguments() {}

    /** The class of type argument {@code index} of {@code generic} as {@code implementation} fixes it, or null. */
    static Class<?> of(Class<?> implementation, Class<?> generic, int index) {
        return find(implementation, Map.of(), generic, index);
    }

    private static Class<?> find(Type type, Map<TypeVariable<?>, Type> bindings, Class<?> generic, int index) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> inner = new HashMap<>();
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            Type[] arguments = p.getActualTypeArguments();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                inner.put(variables[i], resolve(arguments[i], bindings));
            }
            if (raw == generic) {
                return classOf(inner.get(variables[index]));
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
            if (raw == generic) {
                return null; // the raw interface: nothing fixed
            }
        } else {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Class<?> found = find(parent, inner, generic, index);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : find(superclass, inner, generic, index);
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : type;
    }

    private static Class<?> classOf(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            case null, default -> null;
        };
    }
}
