package org.parley.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The wire protocol a model speaks, as scenario files name it. */
public enum Provider {
    /** OpenAI's own API. */
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY"),
    /** Any server speaking OpenAI's chat-completions protocol: vLLM, llama.cpp, LM Studio, OpenRouter. */
    OPENAI_COMPATIBLE("openai-compatible", null, null),
    /** A local or remote Ollama server ({@code /api/chat}). */
    OLLAMA("ollama", "http://localhost:11434", null),
    /** Anthropic's messages API. */
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY");

    private final String id;
    private final String defaultBaseUrl;
    private final String defaultKeyEnv;

    Provider(String id, String defaultBaseUrl, String defaultKeyEnv) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultKeyEnv = defaultKeyEnv;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The base URL used when a model does not name one; {@code null} when it must. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The environment variable read for the API key when a model does not name one. */
    public String defaultKeyEnv() {
        return defaultKeyEnv;
    }

    @JsonCreator
    public static Provider of(String id) {
        for (Provider p : values()) {
            if (p.id.equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + id + "'; use one of "
                + Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", ")));
    }
}
