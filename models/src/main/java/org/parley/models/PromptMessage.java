package org.parley.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One chat message of a model call, independent of any provider's types so that it can be hashed
 * for the record/replay cache and stored.
 *
 * @param role       who says it
 * @param text       the words
 * @param toolCalls  for {@link Role#ASSISTANT}: tool calls the model made earlier
 * @param toolCallId for {@link Role#TOOL}: the call this result answers
 * @param toolName   for {@link Role#TOOL}: the tool that produced the result
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PromptMessage(Role role, String text, List<ToolCall> toolCalls, String toolCallId, String toolName) {

    public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

    public PromptMessage {
        if (role == null) {
            throw new IllegalArgumentException("a prompt message needs a role");
        }
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static PromptMessage system(String text) {
        return new PromptMessage(Role.SYSTEM, text, List.of(), null, null);
    }

    public static PromptMessage user(String text) {
        return new PromptMessage(Role.USER, text, List.of(), null, null);
    }

    public static PromptMessage assistant(String text) {
        return new PromptMessage(Role.ASSISTANT, text, List.of(), null, null);
    }

    public static PromptMessage assistant(String text, List<ToolCall> calls) {
        return new PromptMessage(Role.ASSISTANT, text, calls, null, null);
    }

    public static PromptMessage toolResult(String callId, String tool, String result) {
        return new PromptMessage(Role.TOOL, result, List.of(), callId, tool);
    }
}
