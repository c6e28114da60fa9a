package org.parley.runtime.kernel.turn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Each turn a random agent acts, drawn from a stream seeded by the episode, so the same seed gives
 * the same speaking order. Without repeats the previous speaker is excluded from the draw (with a
 * single agent that rule cannot hold, and that agent simply acts every turn).
 */
public final class SeededRandomOrder implements TurnOrder {
    private final List<String> agents;
    private final SplittableRandom random;
    private final boolean allowRepeat;
    private int previous = -1;

    public SeededRandomOrder(List<String> agents, long seed, boolean allowRepeat) {
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("random order needs at least one agent");
        }
        this.agents = List.copyOf(agents);
        this.random = new SplittableRandom(seed);
        this.allowRepeat = allowRepeat;
    }

    @Override
    public String next() {
        int n = agents.size();
        int pick;
        if (allowRepeat || previous < 0 || n == 1) {
            pick = random.nextInt(n);
        } else {
            // Draw among the n-1 others and skip over the previous speaker's slot.
            pick = random.nextInt(n - 1);
            if (pick >= previous) {
                pick++;
            }
        }
        previous = pick;
        return agents.get(pick);
    }
}
