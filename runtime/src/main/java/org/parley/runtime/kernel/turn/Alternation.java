package org.parley.runtime.kernel.turn;

import java.util.List;

/** Two agents take turns; the first speaker is configurable and defaults to the first declared. */
public final class Alternation implements TurnOrder {
    private final String first;
    private final String second;
    private boolean firstNext = true;

    public Alternation(List<String> agents, String firstSpeaker) {
        if (agents.size() != 2) {
            throw new IllegalArgumentException("protocol alternating needs exactly 2 agents, the episode has "
                    + agents.size() + " " + agents + ": use round-robin or random for more");
        }
        if (firstSpeaker == null || firstSpeaker.isBlank()) {
            first = agents.get(0);
        } else if (agents.contains(firstSpeaker)) {
            first = firstSpeaker;
        } else {
            throw new IllegalArgumentException("alternating first-speaker '" + firstSpeaker
                    + "' is not an agent of the episode; use one of " + agents);
        }
        second = first.equals(agents.get(0)) ? agents.get(1) : agents.get(0);
    }

    @Override
    public String next() {
        String agent = firstNext ? first : second;
        firstNext = !firstNext;
        return agent;
    }
}
