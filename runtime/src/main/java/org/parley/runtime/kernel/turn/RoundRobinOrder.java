package org.parley.runtime.kernel.turn;

import java.util.List;

/** Every agent acts once per round, in declared order. */
public final class RoundRobinOrder implements TurnOrder {
    private final List<String> agents;
    private int position;

    public RoundRobinOrder(List<String> agents) {
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("round-robin needs at least one agent");
        }
        this.agents = List.copyOf(agents);
    }

    @Override
    public String next() {
        String agent = agents.get(position);
        position = (position + 1) % agents.size();
        return agent;
    }
}
