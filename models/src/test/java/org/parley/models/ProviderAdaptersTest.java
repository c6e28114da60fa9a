package org.parley.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.models.testserver.Reply;
import org.parley.models.testserver.ScriptedModelServer;
import org.parley.runtime.environment.ActionSpace;

/** The Anthropic and Ollama adapters against local servers speaking their protocols. */
class ProviderAdaptersTest {
    private final ScriptedModelServer server = ScriptedModelServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static final ActionSpace.ToolSpec OFFER = new ActionSpace.ToolSpec("offer", "Make an offer",
            "{\"type\":\"object\",\"properties\":{\"price\":{\"type\":\"number\"}},\"required\":[\"price\"]}");

    private static ModelCall call() {
        return ModelCall.of(List.of(PromptMessage.system("Be brief."), PromptMessage.user("Your offer?")))
                .forEpisode("e1", "buyer");
    }

    @Test
    void anthropicMessagesApi() throws Exception {
        server.enqueue(new Reply.Text("Fifty dollars.", 0, 31, 4), Reply.toolCall("offer", "{\"price\": 50}"));
        var spec = ModelSpec.of("claude", Provider.ANTHROPIC, "claude-test", server.anthropicBaseUrl())
                .withApiKeyEnv("ANTH_KEY");
        try (var g = Gateway.create(spec, GatewayOptions.defaults()
                .withEnvironment(Map.of("ANTH_KEY", "anthropic-key-123456")::get))) {
            var text = g.chat(call()).get(10, TimeUnit.SECONDS);
            var tool = g.chat(call().withTools(List.of(OFFER))).get(10, TimeUnit.SECONDS);

            assertThat(text.text()).isEqualTo("Fifty dollars.");
            assertThat(text.inputTokens()).isEqualTo(31);
            assertThat(text.outputTokens()).isEqualTo(4);
            assertThat(tool.toolCalls()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("offer");
                assertThat(c.arguments()).contains("50");
            });
        }
        var first = server.requests().get(0);
        assertThat(first.protocol()).isEqualTo(ScriptedModelServer.Protocol.ANTHROPIC);
        assertThat(first.header("x-api-key")).isEqualTo("anthropic-key-123456");
        assertThat(first.json().path("system").toString()).contains("Be brief.");
        assertThat(first.json().path("max_tokens").asInt()).isEqualTo(ChatModels.ANTHROPIC_DEFAULT_MAX_TOKENS);
        assertThat(server.requests().get(1).json().path("tools").get(0).path("name").asText()).isEqualTo("offer");
    }

    @Test
    void ollamaChatApi() throws Exception {
        server.enqueue(new Reply.Text("Sixty.", 0, 17, 2), Reply.toolCall("offer", "{\"price\": 60}"));
        var spec = ModelSpec.of("llama", Provider.OLLAMA, "llama3.1:8b", server.ollamaBaseUrl()).withSampling(0.2, 64);
        try (var g = Gateway.create(spec, GatewayOptions.defaults())) {
            var text = g.chat(call().withSeed(0x1234_0000_0005L)).get(10, TimeUnit.SECONDS);
            var tool = g.chat(call().withTools(List.of(OFFER))).get(10, TimeUnit.SECONDS);

            assertThat(text.text()).isEqualTo("Sixty.");
            assertThat(text.inputTokens()).isEqualTo(17);
            assertThat(tool.toolCalls()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("offer"));
        }
        var first = server.requests().get(0);
        assertThat(first.protocol()).isEqualTo(ScriptedModelServer.Protocol.OLLAMA);
        assertThat(first.json().path("model").asText()).isEqualTo("llama3.1:8b");
        assertThat(first.json().path("options").path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(first.json().path("options").path("num_predict").asInt()).isEqualTo(64);
        assertThat(first.json().path("options").path("seed").asInt()).isEqualTo(ChatModels.foldSeed(0x1234_0000_0005L));
    }
}
