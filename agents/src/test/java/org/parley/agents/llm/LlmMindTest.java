package org.parley.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.agents.persona.Persona;
import org.parley.models.GatewayOptions;
import org.parley.models.Gateways;
import org.parley.models.ModelSpec;
import org.parley.models.Provider;
import org.parley.models.RetrySettings;
import org.parley.models.testserver.Reply;
import org.parley.models.testserver.ScriptedModelServer;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Turn;

class LlmMindTest {
    private final ScriptedModelServer server = ScriptedModelServer.start();
    private final Gateways gateways = new Gateways(List.of(
            ModelSpec.of("gpt", Provider.OPENAI_COMPATIBLE, "alpha", server.openAiBaseUrl())
                    .withRetry(new RetrySettings(1, Duration.ZERO, Duration.ZERO)),
            ModelSpec.of("small", Provider.OPENAI_COMPATIBLE, "beta", server.openAiBaseUrl())),
            GatewayOptions.defaults());
    private static final ActionSpace SPACE = new ActionSpace(List.of("speak", "leave", "none"), List.of(HaggleEnvironment.OFFER));

    @AfterEach
    void tearDown() {
        gateways.close();
        server.close();
    }

    private LlmMind mind(LlmMindConfig config) {
        return new LlmMind(config, gateways::get);
    }

    private static LlmMindConfig alice() {
        return LlmMindConfig.of("alice", "buyer", Persona.named("Alice Chen"), "gpt")
                .withGoal("Buy the bike for at most $160.").inEpisode("ep-1", 42L);
    }

    private static Action decide(LlmMind mind, long turn) throws Exception {
        return mind.decide(new Turn("alice", turn, SPACE)).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void speaksFromAJsonAnswerAndShowsPersonaGoalAndHistory() throws Exception {
        server.enqueue(Reply.text("{\"kind\":\"speak\",\"text\":\"Would you take $140?\",\"to\":\"bob\"}"));
        var mind = mind(alice());
        mind.perceive(new Observation("alice", 0, "bob", "speak", "The bike is $200.", java.util.Map.of()));

        Action a = decide(mind, 1);

        assertThat(a.kind()).isEqualTo("speak");
        assertThat(a.text()).isEqualTo("Would you take $140?");
        assertThat(a.to()).isEqualTo("bob");
        assertThat(a.producedBy()).isEqualTo("llm:gpt");
        var req = server.requests().get(0).json();
        String system = req.path("messages").get(0).path("content").asText();
        assertThat(system).contains("You are Alice Chen").contains("Buy the bike for at most $160.")
                .contains("\"kind\"");
        String user = req.path("messages").get(1).path("content").asText();
        assertThat(user).contains("bob said: \"The bike is $200.\"").contains("turn 1").contains("speak, leave, none, offer");
        assertThat(req.path("tools").get(0).path("function").path("name").asText()).isEqualTo("offer");
    }

    @Test
    void reAsksAfterAnUnusableAnswerAndCountsTheRepair() throws Exception {
        server.enqueue(Reply.text("Well, I suppose I'd offer a fair price."),
                Reply.text("{\"kind\":\"speak\",\"text\":\"$150, final.\"}"));
        var mind = mind(alice());

        Action a = decide(mind, 0);

        assertThat(a.text()).isEqualTo("$150, final.");
        assertThat(mind.repairs()).isEqualTo(1);
        assertThat(server.requestCount()).isEqualTo(2);
        var second = server.requests().get(1).json().path("messages");
        assertThat(second).hasSize(4);
        assertThat(second.get(2).path("content").asText()).isEqualTo("Well, I suppose I'd offer a fair price.");
        assertThat(second.get(3).path("content").asText()).contains("could not be used: the reply contained no JSON object");
    }

    @Test
    void recordsAFailedTurnAfterTheLastReAskInsteadOfCrashing() throws Exception {
        server.otherwise(r -> Reply.text("{\"kind\":\"dance\",\"text\":\"twirls\"}"));
        var mind = mind(alice().withMaxRepairs(2));

        Action a = decide(mind, 0);

        assertThat(a.kind()).isEqualTo("none");
        assertThat(a.args()).containsEntry("failed", true);
        assertThat((String) a.args().get("reason")).contains("\"dance\" is not available").contains("after 2 re-asks");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(mind.failedTurns()).isEqualTo(1);
    }

    @Test
    void aProviderFailureBecomesAFailedTurn() throws Exception {
        server.enqueue(Reply.serverError());
        Action a = decide(mind(alice()), 0);
        assertThat(a.kind()).isEqualTo("none");
        assertThat((String) a.args().get("reason")).contains("model call failed").contains("HTTP 500");
    }

    @Test
    void aToolCallIsAnActionNamedAfterTheTool() throws Exception {
        server.enqueue(Reply.toolCall("offer", "{\"price\": 135}"));
        Action a = decide(mind(alice()), 0);
        assertThat(a.kind()).isEqualTo("offer");
        assertThat(a.args()).containsEntry("price", 135);
        assertThat(a.producedBy()).isEqualTo("llm:gpt");
    }

    @Test
    void swapsModelAtTheScheduledTurn() throws Exception {
        server.otherwise(r -> Reply.text("{\"kind\":\"speak\",\"text\":\"turn\"}"));
        var mind = mind(alice().withSchedule(ModelSchedule.single("gpt").swapAt(2, "small")));

        var producers = new java.util.ArrayList<String>();
        for (long t = 0; t < 4; t++) {
            producers.add(decide(mind, t).producedBy());
        }

        assertThat(producers).containsExactly("llm:gpt", "llm:gpt", "llm:small", "llm:small");
        assertThat(server.requests().stream().map(r -> r.json().path("model").asText()))
                .containsExactly("alpha", "alpha", "beta", "beta");
        assertThat(mind.describe()).isEqualTo("llm:gpt");
    }

    @Test
    void anUnknownModelNameIsAFailedTurnNamingTheModels() throws Exception {
        Action a = decide(mind(alice().withSchedule(ModelSchedule.single("gtp"))), 0);
        assertThat((String) a.args().get("reason")).contains("no model named 'gtp'").contains("[gpt, small]");
    }

    @Test
    void customPromptTemplatesReplaceTheBundledOnes() throws Exception {
        server.enqueue(Reply.text("{\"kind\":\"leave\",\"text\":\"bye\"}"));
        var mind = mind(alice().withPrompts("Custom system for {{agent}} as {{role}}. {{format}}", "Go, {{agent}}: {{options}}", null));
        assertThat(decide(mind, 0).kind()).isEqualTo("leave");
        var messages = server.requests().get(0).json().path("messages");
        assertThat(messages.get(0).path("content").asText()).startsWith("Custom system for alice as buyer.");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("Go, alice: speak, leave, none, offer (tool: Offer a price for the bike; args schema "
                + HaggleEnvironment.OFFER.parametersSchema() + ")");
    }
}
