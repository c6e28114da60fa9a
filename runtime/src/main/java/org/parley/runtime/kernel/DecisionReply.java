package org.parley.runtime.kernel;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.parley.runtime.environment.Action;

/** An agent's answer to a {@link AgentCommand.Decide}, to whoever asked (its episode, or a round's collector). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "reply")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DecisionReply.Decided.class, name = "decided"),
    @JsonSubTypes.Type(value = DecisionReply.Deferred.class, name = "deferred"),
    @JsonSubTypes.Type(value = DecisionReply.MindFailed.class, name = "mind-failed")
})
public sealed interface DecisionReply extends KernelMessage {

    String agent();

    long request();

    /** The mind chose {@code action} after {@code latencyNanos}. */
    record Decided(String agent, long request, Action action, long latencyNanos) implements DecisionReply {}

    /** The mind answers asynchronously: its answer comes later. */
    record Deferred(String agent, long request) implements DecisionReply {}

    /** The mind threw or failed its stage; {@code request} is -1 for a failure while perceiving. */
    record MindFailed(String agent, long request, String message) implements DecisionReply {}
}
