package org.parley.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A model's answer as the gateway returns and the cache stores it.
 *
 * @param text         the text of the answer ("" when the model only called tools)
 * @param toolCalls    tool calls the model made, in order
 * @param inputTokens  prompt tokens the provider reported (estimated when it reported none)
 * @param outputTokens completion tokens the provider reported
 * @param finishReason why generation stopped ({@code stop}, {@code length}, {@code tool_execution}…), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelReply(String text, List<ToolCall> toolCalls, long inputTokens, long outputTokens, String finishReason) {

    public ModelReply {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
