package org.parley.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The gateways of a run (or a node), one per named model, built lazily on first use so that models
 * a condition never uses need no key. Minds and judges resolve model names here.
 */
public final class Gateways implements AutoCloseable, Function<String, ModelGateway> {
    private final Map<String, ModelSpec> specs = new LinkedHashMap<>();
    private final Map<String, Gateway> gateways = new LinkedHashMap<>();
    private final GatewayOptions options;

    public Gateways(List<ModelSpec> models, GatewayOptions options) {
        this.options = options;
        for (ModelSpec m : models) {
            if (m.name() == null) {
                throw new IllegalArgumentException("every model needs a name");
            }
            if (specs.put(m.name(), m) != null) {
                throw new IllegalArgumentException("model '" + m.name() + "' is defined twice");
            }
        }
    }

    /** From a scenario's {@code models:} map (name to spec as bound from YAML); names come from the keys. */
    public static Gateways fromSection(Map<String, ModelSpec> section, GatewayOptions options) {
        var specs = new ArrayList<ModelSpec>();
        section.forEach((name, spec) -> specs.add(spec.withName(name)));
        return new Gateways(specs, options);
    }

    /** The gateway of a named model. */
    public synchronized Gateway get(String name) {
        var g = gateways.get(name);
        if (g == null) {
            var spec = specs.get(name);
            if (spec == null) {
                throw new IllegalArgumentException("no model named '" + name + "'; models are " + specs.keySet()
                        + " (define it under models:)");
            }
            g = Gateway.create(spec, options);
            gateways.put(name, g);
        }
        return g;
    }

    /**
     * Builds the gateways of the models a run will use, before it starts: a missing key or an
     * unknown name is reported up front instead of failing turns, and minds never pay the cost of
     * building a client on an actor thread. Returns one message per problem; empty when all is well.
     */
    public List<String> prepare(java.util.Collection<String> modelNames) {
        var problems = new ArrayList<String>();
        for (String name : new java.util.LinkedHashSet<>(modelNames)) {
            try {
                get(name);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    @Override
    public ModelGateway apply(String name) {
        return get(name);
    }

    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    public ModelSpec spec(String name) {
        return specs.get(name);
    }

    /** Usage rows of every gateway built so far, model by model. */
    public synchronized List<UsageRecord> usage() {
        var rows = new ArrayList<UsageRecord>();
        gateways.values().forEach(g -> rows.addAll(g.usage().snapshot()));
        return rows;
    }

    /** Pings every model once; each result is "ok" or the failure message (never a key). */
    public Map<String, CompletableFuture<String>> check() {
        var results = new LinkedHashMap<String, CompletableFuture<String>>();
        for (String name : specs.keySet()) {
            CompletableFuture<String> r;
            try {
                r = get(name).ping().handle((reply, error) -> error == null ? "ok"
                        : (error.getCause() != null && error instanceof java.util.concurrent.CompletionException
                                ? error.getCause() : error).getMessage());
            } catch (RuntimeException e) {
                r = CompletableFuture.completedFuture(e.getMessage());
            }
            results.put(name, r);
        }
        return results;
    }

    @Override
    public synchronized void close() {
        gateways.values().forEach(Gateway::close);
        gateways.clear();
    }
}
