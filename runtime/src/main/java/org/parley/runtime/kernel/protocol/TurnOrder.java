package org.parley.runtime.kernel.protocol;

import java.util.List;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.seed.Seeds;

/**
 * Who acts next under a protocol where exactly one agent acts per turn ({@code alternating},
 * {@code round-robin}, {@code random}). Plain Java so the ordering can be tested without actors.
 */
public interface TurnOrder {

    /** The agent that acts in the next turn. */
    String next();

    /**
     * The order for a one-agent-per-turn protocol.
     *
     * @param agents      agent ids in declared order
     * @param episodeSeed the episode's seed; the random order derives its own stream from it
     * @throws IllegalArgumentException if the protocol does not fit the agents, or has no fixed order
     */
    static TurnOrder of(TurnProtocol protocol, List<String> agents, long episodeSeed) {
        return switch (protocol) {
            case TurnProtocol.Alternating a -> new Alternation(agents, a.firstSpeaker());
            case TurnProtocol.RoundRobin r -> new RoundRobinOrder(agents);
            case TurnProtocol.RandomOrder r ->
                    new SeededRandomOrder(agents, Seeds.derive(episodeSeed, "turn-order"), r.allowRepeat());
            case TurnProtocol.Simultaneous s ->
                    throw new IllegalArgumentException("simultaneous has rounds, not a turn order");
            case TurnProtocol.Free f -> throw new IllegalArgumentException("free has no turn order");
        };
    }
}
