package org.parley.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.parley.runtime.environment.ActionSpace;

/**
 * One request to a model through its gateway.
 *
 * @param messages    the conversation, system message first
 * @param tools       tools the model may call (shown to it as LangChain4j tool specifications)
 * @param seed        a seed for providers that honour one; also part of the cache key, so the same
 *                    prompt at a different turn or episode is a different cache entry
 * @param temperature override of the model's temperature, or null
 * @param maxTokens   override of the model's completion cap, or null
 * @param episode     the episode the call belongs to, for usage accounting (not part of the cache key)
 * @param role        the agent role or purpose ({@code judge}) for usage accounting
 */
public record ModelCall(
        List<PromptMessage> messages, List<ActionSpace.ToolSpec> tools, Long seed, Double temperature,
        Integer maxTokens, @JsonIgnore String episode, @JsonIgnore String role) {

    public ModelCall {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a model call needs at least one message");
        }
    }

    public static ModelCall of(List<PromptMessage> messages) {
        return new ModelCall(messages, List.of(), null, null, null, null, null);
    }

    public ModelCall withTools(List<ActionSpace.ToolSpec> newTools) {
        return new ModelCall(messages, newTools, seed, temperature, maxTokens, episode, role);
    }

    public ModelCall withSeed(Long newSeed) {
        return new ModelCall(messages, tools, newSeed, temperature, maxTokens, episode, role);
    }

    public ModelCall forEpisode(String episodeId, String agentRole) {
        return new ModelCall(messages, tools, seed, temperature, maxTokens, episodeId, agentRole);
    }

    public ModelCall withSampling(Double temp, Integer maxTok) {
        return new ModelCall(messages, tools, seed, temp, maxTok, episode, role);
    }
}
