package org.parley.environments.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.dialogue.setting.DialogueParams;
import org.parley.environments.dialogue.setting.Objective;
import org.parley.environments.dialogue.setting.Relationship;
import org.parley.environments.dialogue.setting.RoleBrief;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;

/** The dialogue environment driven by hand, action by action. */
class DialogueEnvironmentTest {

    /** Remembers every metric call. */
    static final class RecordingMetrics implements SimulationMetrics {
        final List<String> calls = new ArrayList<>();

        @Override
        public void count(String name, double amount, Map<String, String> tags) {
            calls.add("count " + name);
        }

        @Override
        public void observe(String name, double value, Map<String, String> tags) {
            calls.add("observe " + name + "=" + value);
        }
    }

    private RecordingMetrics metrics;
    private DialogueEnvironment env;
    private Step opening;

    private DialogueEnvironment start(DialogueParams params) {
        metrics = new RecordingMetrics();
        var agents = List.of(
                new AgentSetup("sam", "seller", Fixtures.NEUTRAL, null, Map.of(), 1),
                new AgentSetup("bea", "buyer", Fixtures.AGREEABLE, null, Map.of(), 2));
        var context = context("e/1", 7, agents, metrics);
        var e = (DialogueEnvironment) new DialogueType().create(params, context);
        opening = e.start(context);
        return e;
    }

    private static EpisodeContext context(String episodeId, long seed, List<AgentSetup> agents, SimulationMetrics metrics) {
        return new EpisodeContext(episodeId, "c", seed, agents.stream().map(AgentSetup::participant).toList(), metrics);
    }

    @BeforeEach
    void setUp() {
        env = start(Fixtures.bike());
    }

    private static Action say(String agent, String text, Object... args) {
        var m = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < args.length; i += 2) {
            m.put((String) args[i], args[i + 1]);
        }
        return Action.speak(agent, text).withArgs(m);
    }

    private static List<String> types(Step step) {
        return step.events().stream().map(Event::type).toList();
    }

    @Test
    void briefsEachAgentWithItsOwnGoalAndSecretsAndTheOthersPublicProfileOnly() {
        assertThat(opening.observations()).hasSize(2);
        Observation seller = opening.observations().get(0);
        Observation buyer = opening.observations().get(1);
        assertThat(seller.agent()).isEqualTo("sam");
        assertThat(seller.kind()).isEqualTo("briefing");
        assertThat(seller.text()).contains("Sell the bike", "moving abroad", "Ada Agreeable", "Their goal is unknown");
        assertThat(seller.data().get("secrets")).isEqualTo(List.of(
                "You are moving abroad next week and must sell the bike before then"));
        assertThat(buyer.text()).contains("Buy the bike", "Listed the bike online for $220").doesNotContain("moving abroad")
                .doesNotContain("never below $120");
        @SuppressWarnings("unchecked")
        var others = (List<Map<String, Object>>) buyer.data().get("others");
        assertThat(others).singleElement().satisfies(o -> {
            assertThat(o.get("name")).isEqualTo("Nora Neutral");
            assertThat(o.get("goal")).isEqualTo("unknown");
            assertThat(o).doesNotContainKey("secrets");
        });
    }

    @Test
    void everyActionButNoneIsObservedByAllParties() {
        Step spoken = env.act(Action.speak("sam", "Hello!"));
        assertThat(spoken.observations()).extracting(Observation::agent).containsExactly("sam", "bea");
        assertThat(spoken.observations()).allSatisfy(o -> assertThat(o.source()).isEqualTo("sam"));
        assertThat(env.act(Action.none("bea")).observations()).isEmpty();
        assertThat(env.act(Action.of("sam", "non-verbal", "smiles")).observations()).hasSize(2);
    }

    @Test
    void offersCounterOffersAndAnAcceptanceMakeADealThatAGoodbyeCloses() {
        assertThat(types(env.act(say("sam", "It's $200.", "offer", 200)))).containsExactly("offer");
        assertThat(types(env.act(say("bea", "Too much. $140?", "offer", 140, "reject", true))))
                .containsExactly("counter-offer", "refusal");
        assertThat(types(env.act(say("sam", "$170.", "offer", 170)))).containsExactly("counter-offer");
        Step accepted = env.act(say("bea", "Deal at $170.", "accept", true));
        assertThat(accepted.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("deal");
            assertThat(e.data()).containsEntry("price", 170.0).containsEntry("offered-by", "sam")
                    .containsEntry("accepted-by", "bea");
        });
        assertThat(accepted.isDone()).isFalse();
        Step bye = env.act(say("sam", "Thanks, goodbye!", "goodbye", true));
        assertThat(bye.endReason()).isEqualTo("goodbye");

        var outcome = env.outcome();
        // seller: share (170-120)/(200-120) = 0.625 -> 3 + 7*0.625 = 7.375
        assertThat(outcome.agentScores().get("sam")).containsEntry("goal", 7.4).containsEntry("deal", 1.0)
                .containsEntry("surplus", 50.0);
        // buyer: share (180-170)/(180-100) = 0.125 -> 3.875
        assertThat(outcome.agentScores().get("bea")).containsEntry("goal", 3.9).containsEntry("surplus", 10.0);
        assertThat(outcome.episodeScores()).containsEntry("deal_reached", 1.0).containsEntry("deal_price", 170.0)
                .containsEntry("turns_to_deal", 4.0).containsEntry("offers", 3.0);
        assertThat(metrics.calls).contains("count offers", "count counter_offers", "count deals", "count refusals",
                "observe deal_price=170.0");
    }

    @Test
    void withoutADealNegotiatorsKeepTheirReservationButScoreLow() {
        env.act(say("sam", "$200.", "offer", 200));
        Step left = env.act(Action.leave("bea", "That's ridiculous."));
        assertThat(left.endReason()).isEqualTo("leave");
        assertThat(types(left)).containsExactly("leave");
        var scores = env.outcome();
        assertThat(scores.agentScores().get("bea")).containsEntry("goal", 1.0).containsEntry("deal", 0.0);
        // walking out without a farewell, with a hostile word, hurts the relationship
        assertThat(scores.agentScores().get("bea").get("relationship")).isLessThan(-1.5);
        assertThat(scores.episodeScores()).containsEntry("deal_reached", 0.0).doesNotContainKey("deal_price");
    }

    @Test
    void aGoodbyeEndsTheEpisodeOnlyAfterTheThirdRoundUnlessAnAgreementWasReached() {
        env.act(Action.speak("sam", "Hi"));
        Step early = env.act(Action.speak("bea", "Oh, bye then!"));
        assertThat(early.isDone()).isFalse();
        assertThat(types(early)).containsExactly("goodbye");
        env.act(Action.speak("sam", "Wait, the bike!"));
        env.act(Action.speak("bea", "Go on."));
        env.act(Action.speak("sam", "It's great."));
        env.act(Action.speak("bea", "Hmm."));
        assertThat(env.act(Action.speak("sam", "Well, goodbye.")).endReason()).isEqualTo("goodbye");
    }

    @Test
    void wordsThatOnlyContainAFarewellAsPartOfAnotherWordDoNotEndIt() {
        for (int i = 0; i < 6; i++) {
            env.act(Action.speak(i % 2 == 0 ? "sam" : "bea", "Maybe."));
        }
        assertThat(env.act(Action.speak("sam", "Maybe the bylaw says so.")).isDone()).isFalse();
    }

    @Test
    void theRoundCapEndsTheEpisode() {
        var capped = new DialogueParams("s", null, Fixtures.bike().roles(), 2, null);
        env = start(capped);
        env.act(Action.speak("sam", "a"));
        env.act(Action.speak("bea", "b"));
        env.act(Action.speak("sam", "c"));
        assertThat(env.act(Action.none("bea")).endReason()).isEqualTo("max-rounds");
        assertThatThrownBy(() -> env.act(Action.speak("sam", "more"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already ended");
        assertThat(env.actionSpace("sam").kinds()).containsExactly("none");
    }

    @Test
    void aSecretSaidInWordsIsDisclosedAndCostsSecretScore() {
        Step slip = env.act(Action.speak("sam",
                "I must be honest: you are moving abroad next week and must sell the bike before then... I mean I am."));
        assertThat(slip.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("secret-disclosed");
            assertThat(e.data()).containsEntry("index", 0);
        });
        assertThat(env.outcome().agentScores().get("sam")).containsEntry("secret", -10.0).containsEntry("secret_kept", 0.0);
        assertThat(env.outcome().agentScores().get("bea")).containsEntry("secret", 0.0).containsEntry("secret_kept", 1.0);
        assertThat(env.outcome().episodeScores()).containsEntry("disclosures", 1.0);
    }

    @Test
    void favoursAreRequestedRefusedAndGranted() {
        var roles = Fixtures.ordered(
                "friend", new RoleBrief("Get a lift.", null, null, new Objective.AskFavour("drive me to the airport", null)),
                "host", new RoleBrief("Keep your Sunday free.", null, null, new Objective.RefuseFavour(null, "I have plans")));
        metrics = new RecordingMetrics();
        var agents = List.of(new AgentSetup("f", "friend", Fixtures.NEUTRAL, null, Map.of(), 1),
                new AgentSetup("h", "host", Fixtures.NEUTRAL, null, Map.of(), 2));
        env = new DialogueEnvironment(new DialogueParams("Sunday plans.", Relationship.FRIENDS, roles, null, null));
        env.start(context("e", 1, agents, metrics));
        assertThat(types(env.act(say("f", "Could you drive me?", "request", "drive me to the airport")))).containsExactly("request");
        assertThat(types(env.act(say("h", "Sorry, no.", "decline", true)))).containsExactly("refusal");
        assertThat(env.outcome().agentScores().get("f")).containsEntry("goal", 2.0);
        assertThat(env.outcome().agentScores().get("h")).containsEntry("goal", 10.0);
        env.act(say("f", "Please? I'd owe you.", "request", "drive me to the airport"));
        Step yes = env.act(say("h", "Okay, fine.", "grant", true));
        assertThat(yes.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("favour-granted");
            assertThat(e.data()).containsEntry("to", "f").containsEntry("attempt", 2);
        });
        // a farewell right after the favour was granted ends it, even in round 3
        assertThat(env.act(say("f", "Thank you! Bye!", "goodbye", true)).endReason()).isEqualTo("goodbye");
        var out = env.outcome();
        assertThat(out.agentScores().get("f")).containsEntry("goal", 10.0).containsEntry("deal", 1.0)
                .containsEntry("asks", 2.0);
        assertThat(out.agentScores().get("h")).containsEntry("goal", 2.0);
        assertThat(out.episodeScores()).containsEntry("favour_granted", 1.0);
        assertThat(metrics.calls).contains("count favour_requests", "count favours_granted");
    }

    @Test
    void withThreePartiesOneLeavingDoesNotEndTheConversation() {
        var roles = new java.util.LinkedHashMap<String, RoleBrief>();
        roles.put("guest", new RoleBrief("Enjoy the party.", null, null, null));
        var agents = List.of(new AgentSetup("a", "guest", Fixtures.NEUTRAL, null, Map.of(), 1),
                new AgentSetup("b", "guest", Fixtures.AGREEABLE, null, Map.of(), 2),
                new AgentSetup("c", "guest", Fixtures.STUBBORN, null, Map.of(), 3));
        env = new DialogueEnvironment(new DialogueParams("A party.", Relationship.FRIENDS, roles, null, null));
        Step briefings = env.start(context("e", 1, agents, null));
        assertThat(briefings.observations()).hasSize(3);
        assertThat((List<?>) briefings.observations().get(0).data().get("others")).hasSize(2);
        Step left = env.act(Action.leave("c", "I'm off, bye!"));
        assertThat(left.isDone()).isFalse();
        assertThat(left.events()).singleElement().satisfies(e -> assertThat(e.data()).containsEntry("polite", true));
        assertThat(env.actionSpace("c").kinds()).containsExactly("none");
        assertThat(env.act(Action.speak("a", "Shame.")).observations()).extracting(Observation::agent)
                .containsExactly("a", "b");
        assertThat(env.act(Action.leave("b", "Me too.")).endReason()).isEqualTo("leave");
    }

    @Test
    void runtimeEndIsRecordedOnce() {
        Step ended = env.end("max-turns");
        assertThat(ended.endReason()).isEqualTo("max-turns");
        assertThat(types(ended)).containsExactly("episode-ended");
        assertThat(env.end("again").events()).isEmpty();
    }

    @Test
    void badActionsFailWithClearMessages() {
        assertThatThrownBy(() -> env.act(Action.speak("zed", "hi"))).hasMessageContaining("unknown agent 'zed'")
                .hasMessageContaining("[sam, bea]");
        assertThatThrownBy(() -> env.act(Action.of("sam", "dance", "x"))).hasMessageContaining("cannot 'dance'");
        assertThat(types(env.act(say("sam", "a lot", "offer", "lots")))).containsExactly("invalid-offer");
        assertThat(types(env.act(say("bea", "ok", "accept", true)))).containsExactly("invalid-accept");
    }

    @Test
    void parameterProblemsNameTheFieldAndTheFix() {
        var badBuyer = Fixtures.ordered(
                "seller", new RoleBrief("g", null, null, new Objective.Negotiate("bike", Objective.Side.SELLER, 100.0, 150.0, null)),
                "buyer", new RoleBrief("g", null, null, new Objective.Negotiate("bike", Objective.Side.BUYER, 100.0, 150.0, null)));
        assertThat(new DialogueParams("s", null, badBuyer, null, null).problems())
                .containsExactly("roles.buyer.objective.target: a buyer's target (150.0) must be below its reservation (100.0); lower target or raise reservation");
        var lone = Fixtures.ordered(
                "seller", new RoleBrief("g", null, null, new Objective.Negotiate("bike", Objective.Side.SELLER, 100.0, 150.0, null)),
                "friend", new RoleBrief("g", null, null, null));
        assertThat(new DialogueParams(" ", null, lone, 0, null).problems()).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("scenario: missing"),
                p -> assertThat(p).startsWith("max-rounds: must be between 1"),
                p -> assertThat(p).startsWith("roles: a negotiation needs a buyer and a seller"));
        assertThatThrownBy(() -> new DialogueType().create(Fixtures.bike(), context("e", 1,
                List.of(new AgentSetup("x", "pilot", Fixtures.NEUTRAL, null, Map.of(), 1)), null)))
                .hasMessageContaining("no role 'pilot'").hasMessageContaining("[seller, buyer]");
    }
}
