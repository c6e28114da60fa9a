package org.parley.runtime.kernel.turn;

/**
 * Who acts next under a protocol where exactly one agent acts per turn ({@code alternating},
 * {@code round-robin}, {@code random}). Plain Java so the ordering can be tested without actors;
 * {@link TurnOrders#of} picks the one for a protocol.
 */
public interface TurnOrder {

    /** The agent that acts in the next turn. */
    String next();
}
