package org.parley.environments.socialveil;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.runtime.metrics.SimulationMetrics;

/** Remembers every metric call, for tests. */
public final class RecordingMetrics implements SimulationMetrics {
    public record Call(String kind, String name, double value, Map<String, String> tags) {}

    public final List<Call> calls = new ArrayList<>();

    @Override
    public void count(String name, double amount, Map<String, String> tags) {
        calls.add(new Call("count", name, amount, Map.copyOf(tags)));
    }

    @Override
    public void observe(String name, double value, Map<String, String> tags) {
        calls.add(new Call("observe", name, value, Map.copyOf(tags)));
    }
}
