package org.parley.runtime.kernel.turn;

import java.util.List;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.seed.Seeds;

/** The {@link TurnOrder} of each one-agent-per-turn protocol. */
public final class TurnOrders {
    private TurnOrders() {}

    /**
     * The order for a one-agent-per-turn protocol.
     *
     * @param agents      agent ids in declared order
     * @param episodeSeed the episode's seed; the random order derives its own stream from it
     * @throws IllegalArgumentException if the protocol does not fit the agents, or has no fixed order
     */
    public static TurnOrder of(TurnProtocol protocol, List<String> agents, long episodeSeed) {
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
