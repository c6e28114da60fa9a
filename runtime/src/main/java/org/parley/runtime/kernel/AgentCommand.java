package org.parley.runtime.kernel;

import org.apache.pekko.actor.typed.ActorRef;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Turn;

/** Messages an {@link AgentActor} understands. */
public sealed interface AgentCommand extends KernelMessage {

    /** Something the agent observed; the mind perceives it. */
    record Perceive(Observation observation) implements AgentCommand {}

    /** Asks the mind to decide; the answer goes to {@code replyTo} tagged with {@code request}. */
    record Decide(Turn turn, long request, ActorRef<DecisionReply> replyTo) implements AgentCommand {}

    /** A mind's asynchronous decision completed (the actor's message to itself). */
    record MindAnswered(long request, Action action, String error, long startedNanos) implements AgentCommand {}
}
