package org.parley.environments.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.agents.persona.Persona;
import org.parley.models.Gateway;
import org.parley.models.GatewayOptions;
import org.parley.models.ModelSpec;
import org.parley.models.Provider;
import org.parley.models.RetrySettings;
import org.parley.models.testserver.Reply;
import org.parley.models.testserver.ScriptedModelServer;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Outcome;

class JudgeTest {
    private final ScriptedModelServer server = ScriptedModelServer.start();
    private final Gateway gateway = Gateway.create(
            ModelSpec.of("judge-model", Provider.OPENAI_COMPATIBLE, "judge-1", server.openAiBaseUrl())
                    .withRetry(new RetrySettings(1, Duration.ZERO, Duration.ZERO)),
            GatewayOptions.defaults());
    private final Rubric sotopia = Rubrics.builtIn(Rubrics.SOTOPIA_7);

    @AfterEach
    void tearDown() {
        gateway.close();
        server.close();
    }

    private static JudgeInput episode() {
        var alice = new Persona("Alice Chen", 34, null, "nurse", null, null, null, null, null,
                List.of("she was fired last year"), null);
        return new JudgeInput("baseline/0001", 99L, List.of(
                new JudgedAgent("buyer", "buyer", alice, "Buy the bike for at most $160."),
                new JudgedAgent("seller", "seller", Persona.named("Bob Ruiz"), "Sell for at least $150.")),
                JudgeInput.linesOf(List.of(
                        Action.speak("buyer", "Would you take $140?"),
                        Action.speak("seller", "Make it $155."),
                        new Action("buyer", "offer", "", null, Map.of("price", 155), 0, null),
                        Action.leave("seller", "Deal."))));
    }

    private static String scores(String agent, int goal, int secret) {
        return "\"" + agent + "\": {\"believability\": {\"reasoning\": \"natural\", \"score\": 8},"
                + " \"relationship\": 2, \"knowledge\": {\"score\": \"3\"}, \"secret\": " + secret + ","
                + " \"social_rules\": 0, \"financial\": 1, \"goal\": {\"reasoning\": \"got it\", \"score\": " + goal + "}}";
    }

    private Verdict evaluate(JudgeInput input) throws Exception {
        return new Judge(sotopia, gateway).evaluate(input).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void scoresEveryAgentOnEveryDimensionAndMergesIntoTheOutcome() throws Exception {
        server.enqueue(Reply.text("Here is my evaluation:\n```json\n{\"scores\": {" + scores("buyer", 9, 0) + ", "
                + scores("seller", 7, -2) + "}}\n```"));

        Verdict v = evaluate(episode());

        assertThat(v.complete()).isTrue();
        assertThat(v.scores().get("buyer")).containsEntry("goal", 9.0).containsEntry("knowledge", 3.0)
                .containsEntry("believability", 8.0);
        assertThat(v.reasoning().get("buyer")).containsEntry("goal", "got it");
        Outcome merged = v.mergeInto(new Outcome(Map.of("buyer", Map.of("deal_price", 155.0)), Map.of("deal", 1.0)));
        assertThat(merged.agentScores().get("buyer")).containsEntry("deal_price", 155.0)
                .containsEntry("sotopia_goal", 9.0).containsEntry("sotopia_secret", 0.0)
                .containsEntry("sotopia_overall", (8 + 2 + 3 + 0 + 0 + 1 + 9) / 7.0);
        assertThat(merged.agentScores().get("seller")).containsEntry("sotopia_secret", -2.0);
        assertThat(merged.episodeScores()).containsEntry("deal", 1.0);

        String prompt = server.requests().get(0).lastUserText();
        assertThat(prompt).contains("buyer (role: buyer): Alice Chen, 34, nurse").contains("Secrets: she was fired last year")
                .contains("Goal: Buy the bike for at most $160.").contains("buyer: \"Would you take $140?\"")
                .contains("buyer used offer {\"price\":155}").contains("- secret (-10 to 0, higher is better)");
        assertThat(server.requests().get(0).json().path("temperature").asDouble()).isZero();
    }

    @Test
    void clampsScoresOutsideTheScaleAndNotesIt() throws Exception {
        server.enqueue(Reply.text("{\"scores\": {" + scores("buyer", 12, 3) + ", " + scores("seller", 5, 0) + "}}"));

        Verdict v = evaluate(episode());

        assertThat(v.complete()).isTrue();
        assertThat(v.scores().get("buyer")).containsEntry("goal", 10.0).containsEntry("secret", 0.0);
        assertThat(v.notes()).contains("clamped buyer goal from 12 to 10", "clamped buyer secret from 3 to 0");
    }

    @Test
    void reAsksWhenScoresAreMissing() throws Exception {
        server.enqueue(Reply.text("{\"scores\": {" + scores("buyer", 6, 0) + "}}"),
                Reply.text("{\"scores\": {" + scores("buyer", 6, 0) + ", " + scores("seller", 4, -1) + "}}"));

        Verdict v = evaluate(episode());

        assertThat(v.complete()).isTrue();
        assertThat(v.scores()).containsOnlyKeys("buyer", "seller");
        assertThat(v.notes()).anySatisfy(n -> assertThat(n).contains("no scores for agent \"seller\""));
        assertThat(server.requests().get(1).lastUserText()).contains("could not be used: no scores for agent \"seller\"");
    }

    @Test
    void givesAnIncompleteVerdictAfterTheLastReAsk() throws Exception {
        server.otherwise(r -> Reply.text("Both did fine, I'd say 7 out of 10."));

        Verdict v = evaluate(episode());

        assertThat(v.complete()).isFalse();
        assertThat(v.failure()).contains("no JSON object");
        assertThat(v.toOutcome().agentScores()).isEmpty();
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aFailedJudgeCallIsAnIncompleteVerdictNotAnException() throws Exception {
        server.enqueue(Reply.serverError());
        Verdict v = evaluate(episode());
        assertThat(v.failure()).contains("judge call failed").contains("HTTP 500");
    }
}
