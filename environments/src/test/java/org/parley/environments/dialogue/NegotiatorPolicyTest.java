package org.parley.environments.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.persona.Persona;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.seed.Seeds;

/** The negotiator policy over many seeded episodes: persona and parameters change outcomes. */
class NegotiatorPolicyTest {

    private static final int EPISODES = 200;

    record Summary(double dealRate, double meanPrice, double sellerGoal, double buyerGoal, int walkaways, double turns) {}

    private static AlternatingLoop.Run episode(String condition, int index, Persona seller, Map<String, Object> sellerParams,
            Persona buyer, double buyerReservation) {
        long seed = Seeds.episode(42, condition, index);
        return AlternatingLoop.run(Fixtures.bike(buyerReservation), List.of(
                Fixtures.agent("seller", "seller", seller, null, sellerParams, seed),
                Fixtures.agent("buyer", "buyer", buyer, "negotiator", Map.of(), seed)), "seller", seed, 30,
                SimulationMetrics.NONE);
    }

    private static Summary summarise(String condition, Persona seller, Map<String, Object> sellerParams, Persona buyer,
            double buyerReservation) {
        int deals = 0;
        int walkaways = 0;
        double price = 0;
        double sellerGoal = 0;
        double buyerGoal = 0;
        double turns = 0;
        for (int i = 0; i < EPISODES; i++) {
            var run = episode(condition, i, seller, sellerParams, buyer, buyerReservation);
            if (run.episode("deal_reached") == 1.0) {
                deals++;
                price += run.episode("deal_price");
            }
            walkaways += (int) run.eventCount("leave");
            sellerGoal += run.agent("seller", "goal");
            buyerGoal += run.agent("buyer", "goal");
            turns += run.actions().size();
        }
        return new Summary(deals / (double) EPISODES, deals == 0 ? 0 : price / deals, sellerGoal / EPISODES,
                buyerGoal / EPISODES, walkaways, turns / EPISODES);
    }

    @Test
    void theSameSeedGivesTheSameTranscriptAndSeedsVaryIt() {
        var a = episode("baseline", 3, Fixtures.NEUTRAL, Map.of(), Fixtures.NEUTRAL, 180);
        var b = episode("baseline", 3, Fixtures.NEUTRAL, Map.of(), Fixtures.NEUTRAL, 180);
        assertThat(a.lines()).isEqualTo(b.lines());
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.outcome()).isEqualTo(b.outcome());
        var distinct = new HashSet<List<String>>();
        var openings = new HashSet<String>();
        for (int i = 0; i < 30; i++) {
            var run = episode("baseline", i, Fixtures.NEUTRAL, Map.of(), Fixtures.NEUTRAL, 180);
            distinct.add(run.lines());
            openings.add(run.actions().get(0).text().replaceAll("\\$\\d+", "\\$N"));
        }
        assertThat(distinct).hasSize(30);
        assertThat(openings).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void anAgreeableSellerConcedesMoreThanAStubbornOne() {
        var agreeable = summarise("agreeable", Fixtures.AGREEABLE, Map.of(), Fixtures.NEUTRAL, 180);
        var stubborn = summarise("stubborn", Fixtures.STUBBORN, Map.of(), Fixtures.NEUTRAL, 180);
        assertThat(agreeable.dealRate()).isGreaterThan(stubborn.dealRate() + 0.15);
        assertThat(agreeable.meanPrice()).isLessThan(stubborn.meanPrice() - 5);
        assertThat(agreeable.buyerGoal()).isGreaterThan(stubborn.buyerGoal() + 1);
    }

    @Test
    void aLowConcessionRateFromTheScenarioMeansFewerDeals() {
        var baseline = summarise("baseline", Fixtures.NEUTRAL, Map.of(), Fixtures.NEUTRAL, 180);
        var slow = summarise("slow", Fixtures.NEUTRAL, Map.of("concession-rate", 0.03), Fixtures.NEUTRAL, 180);
        assertThat(slow.dealRate()).isLessThan(baseline.dealRate() - 0.2);
        assertThat(slow.walkaways()).isGreaterThan(baseline.walkaways());
    }

    @Test
    void anEagerBuyerPaysMoreAndTheSellerScoresHigher() {
        var baseline = summarise("baseline", Fixtures.NEUTRAL, Map.of(), Fixtures.NEUTRAL, 180);
        var eager = summarise("eager", Fixtures.NEUTRAL, Map.of(), Fixtures.AGREEABLE, 230);
        assertThat(eager.meanPrice()).isGreaterThan(baseline.meanPrice() + 10);
        assertThat(eager.sellerGoal()).isGreaterThan(baseline.sellerGoal() + 1);
        assertThat(eager.turns()).isLessThan(baseline.turns());
    }

    @Test
    void neuroticNegotiatorsWalkAwayMoreOften() {
        var calm = Fixtures.persona("Cal Calm", 0.5, 0.5, 0.5, 0.3, 0.05);
        var anxious = Fixtures.persona("Ann Anxious", 0.5, 0.5, 0.5, 0.3, 0.95);
        var calmRun = summarise("calm", calm, Map.of(), Fixtures.STUBBORN, 180);
        var anxiousRun = summarise("anxious", anxious, Map.of(), Fixtures.STUBBORN, 180);
        assertThat(anxiousRun.walkaways()).isGreaterThan(calmRun.walkaways() + 10);
        assertThat(anxiousRun.turns()).isLessThan(calmRun.turns());
    }

    @Test
    void readsTheOffersNumberFromObservationDataNotFromWords() {
        var params = Fixtures.bike();
        var setup = new AgentSetup("seller", "seller", Fixtures.NEUTRAL, "negotiator", Map.of(), 5);
        var mind = new DialogueType().ruleBasedMind(params, setup,
                new EpisodeContext("e", "c", 1, List.of(setup.participant()), null));
        var space = ActionSpace.of("speak", "non-verbal", "action", "leave", "none");
        // the words name no price at all; the offer is only in the data, and it beats the seller's target
        mind.perceive(new Observation("seller", 0, "buyer", "speak", "How about this much?", Map.of("offer", 260)));
        var answer = mind.decide(new Turn("seller", 1, space)).toCompletableFuture().join();
        assertThat(answer.args()).containsEntry("accept", true);
        assertThat(answer.text()).contains("$260");
        assertThat(answer.producedBy()).isEqualTo("rule-based:negotiator");
    }
}
