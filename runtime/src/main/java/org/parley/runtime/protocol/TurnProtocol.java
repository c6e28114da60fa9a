package org.parley.runtime.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;

/**
 * Who may act when. Turn-taking is not the environment's job: the same environment runs under any
 * protocol that suits its roles.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TurnProtocol.Alternating.class, name = "alternating"),
    @JsonSubTypes.Type(value = TurnProtocol.RoundRobin.class, name = "round-robin"),
    @JsonSubTypes.Type(value = TurnProtocol.RandomOrder.class, name = "random"),
    @JsonSubTypes.Type(value = TurnProtocol.Simultaneous.class, name = "simultaneous"),
    @JsonSubTypes.Type(value = TurnProtocol.Free.class, name = "free")
})
public sealed interface TurnProtocol {

    /** Two agents take turns; {@code firstSpeaker} (an agent id, or null for the first declared) opens. */
    record Alternating(String firstSpeaker) implements TurnProtocol {}

    /** Every agent acts once per round, in declared order. */
    record RoundRobin() implements TurnProtocol {}

    /** Each turn a seeded random agent acts; {@code allowRepeat} lets the same agent act twice in a row. */
    record RandomOrder(boolean allowRepeat) implements TurnProtocol {}

    /**
     * All agents decide at once; the round closes when every agent has answered or when
     * {@code barrierTimeout} has passed. Agents that missed the barrier are stragglers: counted,
     * and their late actions are dropped.
     */
    record Simultaneous(Duration barrierTimeout) implements TurnProtocol {}

    /**
     * Asynchronous mailboxes: each agent acts whenever it has something new to react to. An action
     * with {@code waitMillis > 0} waits for a reply from its addressee up to that long (capped by
     * {@code maxWait}).
     */
    record Free(Duration maxWait) implements TurnProtocol {}

    /** The protocol's name as written in scenario files. */
    default String label() {
        return switch (this) {
            case Alternating a -> "alternating";
            case RoundRobin r -> "round-robin";
            case RandomOrder r -> "random";
            case Simultaneous s -> "simultaneous";
            case Free f -> "free";
        };
    }
}
