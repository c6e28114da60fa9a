package org.parley.models;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds LangChain4j chat models from {@link ModelSpec}s and converts calls and replies. */
final class ChatModels {
    /** Anthropic requires a completion cap; this is used when the model sets none. */
    static final int ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

    private ChatModels() {}

    static ChatModel create(ModelSpec spec, String apiKey, ProviderHttpClientBuilder http) {
        return switch (spec.provider()) {
            case OPENAI, OPENAI_COMPATIBLE -> {
                var b = OpenAiChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(spec.baseUrl())
                        .modelName(spec.model())
                        .temperature(spec.temperature())
                        .maxTokens(spec.maxTokens())
                        .timeout(spec.timeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false);
                // Local OpenAI-compatible servers usually take any key; the client needs one.
                b.apiKey(apiKey != null ? apiKey : "no-key");
                yield b.build();
            }
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(spec.baseUrl())
                    .apiKey(apiKey != null ? apiKey : "no-key")
                    .modelName(spec.model())
                    .temperature(spec.temperature())
                    .maxTokens(spec.maxTokens() != null ? spec.maxTokens() : ANTHROPIC_DEFAULT_MAX_TOKENS)
                    .timeout(spec.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> {
                var b = OllamaChatModel.builder()
                        .maxRetries(0);
                b.httpClientBuilder(http)
                        .baseUrl(spec.baseUrl())
                        .modelName(spec.model())
                        .temperature(spec.temperature())
                        .numPredict(spec.maxTokens())
                        .timeout(spec.timeout())
                        .logRequests(false)
                        .logResponses(false);
                if (apiKey != null) {
                    b.customHeaders(java.util.Map.of("Authorization", "Bearer " + apiKey));
                }
                yield b.build();
            }
        };
    }

    static ChatRequest request(ModelSpec spec, ModelCall call) {
        var messages = new ArrayList<ChatMessage>();
        for (PromptMessage m : call.messages()) {
            messages.add(switch (m.role()) {
                case SYSTEM -> SystemMessage.from(m.text());
                case USER -> UserMessage.from(m.text());
                case ASSISTANT -> m.toolCalls().isEmpty()
                        ? AiMessage.from(m.text())
                        : AiMessage.from(m.text(), m.toolCalls().stream()
                                .map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name())
                                        .arguments(c.arguments()).build())
                                .toList());
                case TOOL -> ToolExecutionResultMessage.from(m.toolCallId(), m.toolName(), m.text());
            });
        }
        ChatRequestParameters parameters;
        var tools = ToolSchemas.toSpecifications(call.tools());
        if (spec.provider() == Provider.OPENAI || spec.provider() == Provider.OPENAI_COMPATIBLE) {
            var p = OpenAiChatRequestParameters.builder();
            if (call.temperature() != null) {
                p.temperature(call.temperature());
            }
            if (call.maxTokens() != null) {
                p.maxOutputTokens(call.maxTokens());
            }
            if (!tools.isEmpty()) {
                p.toolSpecifications(tools);
            }
            if (call.seed() != null) {
                p.seed(foldSeed(call.seed()));
            }
            parameters = p.build();
        } else if (spec.provider() == Provider.OLLAMA) {
            var p = OllamaChatRequestParameters.builder();
            if (call.temperature() != null) {
                p.temperature(call.temperature());
            }
            if (call.maxTokens() != null) {
                p.maxOutputTokens(call.maxTokens());
            }
            if (!tools.isEmpty()) {
                p.toolSpecifications(tools);
            }
            if (call.seed() != null) {
                p.seed(foldSeed(call.seed()));
            }
            parameters = p.build();
        } else {
            var p = DefaultChatRequestParameters.builder();
            if (call.temperature() != null) {
                p.temperature(call.temperature());
            }
            if (call.maxTokens() != null) {
                p.maxOutputTokens(call.maxTokens());
            }
            if (!tools.isEmpty()) {
                p.toolSpecifications(tools);
            }
            parameters = p.build();
        }
        return ChatRequest.builder().messages(messages).parameters(parameters).build();
    }

    /** Providers take a 32-bit seed; fold the 64-bit one so that all its bits count. */
    static int foldSeed(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }

    static ModelReply reply(ChatResponse response, long estimatedInput) {
        AiMessage ai = response.aiMessage();
        List<ToolCall> calls = ai.hasToolExecutionRequests()
                ? ai.toolExecutionRequests().stream().map(r -> new ToolCall(r.id(), r.name(), r.arguments())).toList()
                : List.of();
        var usage = response.tokenUsage();
        long in = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount() : estimatedInput;
        long out = usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount()
                : TokenEstimate.ofText(ai.text());
        String finish = response.finishReason() == null ? null : response.finishReason().name().toLowerCase(Locale.ROOT);
        return new ModelReply(ai.text(), calls, in, out, finish);
    }
}
