package org.parley.agents.llm;

import java.util.ArrayDeque;
import java.util.List;
import org.parley.runtime.environment.Observation;

/** Remembers the last {@code capacity} observations (briefings are kept however old). */
public final class RecentWindow implements LlmMemory {
    private final int capacity;
    private final ArrayDeque<Observation> recent = new ArrayDeque<>();
    private final java.util.ArrayList<Observation> briefings = new java.util.ArrayList<>();

    public RecentWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a memory window must hold at least 1 item, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void remember(Observation observation) {
        if ("briefing".equals(observation.kind())) {
            briefings.add(observation);
            return;
        }
        recent.addLast(observation);
        while (recent.size() > capacity) {
            recent.removeFirst();
        }
    }

    @Override
    public List<Observation> recall() {
        var all = new java.util.ArrayList<Observation>(briefings);
        all.addAll(recent);
        return all;
    }
}
