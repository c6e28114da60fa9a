package org.parley.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.agents.persona.Persona;
import org.parley.models.CacheMode;
import org.parley.models.GatewayOptions;
import org.parley.models.Gateways;
import org.parley.models.ModelSpec;
import org.parley.models.Provider;
import org.parley.models.testserver.Received;
import org.parley.models.testserver.Reply;
import org.parley.models.testserver.ScriptedModelServer;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.seed.Seeds;

/**
 * Two LLM minds haggle through a small environment in a plain loop, against a local OpenAI-protocol
 * server: speech, a tool call routed through the environment, a repaired answer, a model swap; then
 * the run is replayed from the cache with the server stopped and must give the same transcript.
 */
class TwoLlmMindsEpisodeTest {
    @TempDir
    Path cache;

    /** Answers as each agent would, by how many times that agent has been asked. */
    private static Reply script(Received r, Map<String, AtomicInteger> asked) {
        String last = r.lastUserText();
        if (last.contains("could not be used")) {
            return Reply.text("{\"kind\":\"speak\",\"text\":\"Sorry - I meant: deal at $150?\"}");
        }
        boolean buyer = last.contains("your turn, buyer");
        int k = asked.computeIfAbsent(buyer ? "buyer" : "seller", x -> new AtomicInteger()).getAndIncrement();
        if (buyer) {
            return switch (k) {
                case 0 -> Reply.text("{\"kind\":\"speak\",\"text\":\"Hi! Is the bike still for sale?\"}");
                case 1 -> Reply.toolCall("offer", "{\"price\": 120}");
                case 2 -> Reply.text("Hmm, let me think about a counter offer.");
                default -> Reply.text("{\"kind\":\"leave\",\"text\":\"Thanks, bye!\"}");
            };
        }
        return switch (k) {
            case 0 -> Reply.text("```json\n{\"kind\": \"speak\", \"text\": \"Yes, $200.\"}\n```");
            case 1 -> Reply.text("{\"kind\":\"speak\",\"text\":\"I can't go below $150.\"}");
            default -> Reply.text("{\"kind\":\"non-verbal\",\"text\":\"shrugs\"}");
        };
    }

    private static List<String> runEpisode(Gateways gateways) throws Exception {
        long episodeSeed = Seeds.episode(7, "baseline", 0);
        var minds = new LinkedHashMap<String, Mind>();
        minds.put("buyer", new LlmMind(LlmMindConfig.of("buyer", "buyer", Persona.named("Alice Chen"), "strong")
                .withGoal("Buy the bike cheaply.").inEpisode("baseline/0000", Seeds.agent(episodeSeed, "buyer")),
                gateways::get));
        minds.put("seller", new LlmMind(LlmMindConfig.of("seller", "seller", Persona.named("Bob Ruiz"), "strong")
                .withSchedule(ModelSchedule.single("strong").swapAt(3, "weak"))
                .withGoal("Sell for at least $150.").inEpisode("baseline/0000", Seeds.agent(episodeSeed, "seller")),
                gateways::get));
        var env = new HaggleEnvironment(10);
        var transcript = new ArrayList<String>();
        Step step = env.start(new EpisodeContext("baseline/0000", "baseline", episodeSeed,
                List.of(new EpisodeContext.Participant("buyer", "buyer", Seeds.agent(episodeSeed, "buyer"), Persona.named("Alice Chen")),
                        new EpisodeContext.Participant("seller", "seller", Seeds.agent(episodeSeed, "seller"), Persona.named("Bob Ruiz"))),
                SimulationMetrics.NONE));
        deliver(step, minds);
        var order = List.of("buyer", "seller");
        for (long turn = 0; !step.isDone(); turn++) {
            String agent = order.get((int) (turn % 2));
            Action action = minds.get(agent).decide(new Turn(agent, turn, env.actionSpace(agent)))
                    .toCompletableFuture().get(20, TimeUnit.SECONDS);
            transcript.add(turn + " " + action.agent() + " " + action.kind() + " " + action.text() + " " + action.args()
                    + " " + action.producedBy());
            step = env.act(action);
            deliver(step, minds);
            step.events().forEach(e -> transcript.add("event " + e.type() + " " + e.data()));
        }
        transcript.add("end " + step.endReason() + " " + env.outcome().episodeScores());
        minds.values().forEach(Mind::close);
        return transcript;
    }

    private static void deliver(Step step, Map<String, Mind> minds) {
        step.observations().forEach(o -> minds.get(o.agent()).perceive(o));
    }

    @Test
    void twoMindsHaggleAndTheReplayMatchesWithTheServerStopped() throws Exception {
        List<String> recorded;
        try (var server = ScriptedModelServer.start()) {
            var asked = new ConcurrentHashMap<String, AtomicInteger>();
            server.otherwise(r -> script(r, asked));
            var specs = List.of(ModelSpec.of("strong", Provider.OPENAI_COMPATIBLE, "big-model", server.openAiBaseUrl()),
                    ModelSpec.of("weak", Provider.OPENAI_COMPATIBLE, "small-model", server.openAiBaseUrl()));
            try (var gateways = new Gateways(specs, GatewayOptions.defaults().withCache(cache, CacheMode.RECORD))) {
                recorded = runEpisode(gateways);
            }
            // The buyer's second turn was a tool call; the environment executed it and told the seller.
            var sellerAfterOffer = server.requests().stream()
                    .filter(r -> r.lastUserText().contains("your turn, seller"))
                    .map(Received::lastUserText).filter(t -> t.contains("buyer used offer")).findFirst();
            assertThat(sellerAfterOffer).hasValueSatisfying(t -> assertThat(t).contains("\"price\":120"));
            assertThat(server.requests().stream().map(r -> r.json().path("model").asText()).distinct())
                    .containsExactly("big-model", "small-model");
        }

        assertThat(recorded).containsExactly(
                "0 buyer speak Hi! Is the bike still for sale? {} llm:strong",
                "1 seller speak Yes, $200. {} llm:strong",
                "2 buyer offer  {price=120} llm:strong",
                "event offer {price=120}",
                "3 seller speak I can't go below $150. {} llm:weak",
                "4 buyer speak Sorry - I meant: deal at $150? {} llm:strong",
                "5 seller non-verbal shrugs {} llm:weak",
                "6 buyer leave Thanks, bye! {} llm:strong",
                "end left {last_offer=120.0}");

        // Replay: the server is closed, so every answer must come from the recording.
        var specs = List.of(ModelSpec.of("strong", Provider.OPENAI_COMPATIBLE, "big-model", "http://127.0.0.1:9/v1"),
                ModelSpec.of("weak", Provider.OPENAI_COMPATIBLE, "small-model", "http://127.0.0.1:9/v1"));
        try (var gateways = new Gateways(specs, GatewayOptions.defaults().withCache(cache, CacheMode.REPLAY))) {
            assertThat(runEpisode(gateways)).isEqualTo(recorded);
            assertThat(gateways.usage().stream().mapToLong(u -> u.requests()).sum()).isZero();
            assertThat(gateways.usage().stream().mapToLong(u -> u.cachedResponses()).sum()).isEqualTo(8);
        }
    }
}
