package org.parley.environments.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.persona.Persona;
import org.parley.environments.dialogue.setting.DialogueParams;
import org.parley.environments.dialogue.setting.Objective;
import org.parley.environments.dialogue.setting.Relationship;
import org.parley.environments.dialogue.setting.RoleBrief;
import org.parley.environments.spi.EnvironmentType;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.seed.Seeds;

/** Favour asking, refusing and small talk over many seeded episodes. */
class SocialPoliciesTest {

    private static final int EPISODES = 200;

    private static DialogueParams favourParams(Relationship relationship) {
        return new DialogueParams("Two neighbours meet in the hallway on Friday evening.", relationship,
                Fixtures.ordered(
                        "asker", new RoleBrief("Borrow the car for the weekend.", List.of("You scratched their bike last month"), null,
                                new Objective.AskFavour("lend me your car this weekend", "my sister is getting married upstate")),
                        "neighbour", new RoleBrief("Keep the car: you need it on Saturday.", null, null,
                                new Objective.RefuseFavour("lend the car", "I need it on Saturday"))),
                null, null);
    }

    private static AlternatingLoop.Run favour(String condition, int i, Persona asker, Persona neighbour, Relationship rel) {
        long seed = Seeds.episode(7, condition, i);
        return AlternatingLoop.run(favourParams(rel), List.of(
                Fixtures.agent("asker", "asker", asker, null, Map.of(), seed),
                Fixtures.agent("neighbour", "neighbour", neighbour, null, Map.of(), seed)), "asker", seed, 40,
                SimulationMetrics.NONE);
    }

    private static double mean(String condition, Persona asker, Persona neighbour, Relationship rel,
            java.util.function.ToDoubleFunction<AlternatingLoop.Run> score) {
        double sum = 0;
        for (int i = 0; i < EPISODES; i++) {
            sum += score.applyAsDouble(favour(condition, i, asker, neighbour, rel));
        }
        return sum / EPISODES;
    }

    static final Persona SOFT = Fixtures.persona("Sue Soft", 0.5, 0.2, 0.5, 0.9, 0.5);
    static final Persona FIRM = Fixtures.persona("Fay Firm", 0.5, 0.9, 0.5, 0.1, 0.3);
    static final Persona PUSHY = Fixtures.persona("Pat Pushy", 0.5, 0.5, 0.9, 0.1, 0.6);
    static final Persona MEEK = Fixtures.persona("Mo Meek", 0.5, 0.5, 0.1, 0.9, 0.4);

    @Test
    void aSoftNeighbourGrantsTheFavourFarMoreOftenThanAFirmOne() {
        double soft = mean("soft", Fixtures.NEUTRAL, SOFT, Relationship.ACQUAINTANCES, r -> r.episode("favour_granted"));
        double firm = mean("firm", Fixtures.NEUTRAL, FIRM, Relationship.ACQUAINTANCES, r -> r.episode("favour_granted"));
        assertThat(soft).isGreaterThan(firm + 0.2);
        double firmGoal = mean("firm", Fixtures.NEUTRAL, FIRM, Relationship.ACQUAINTANCES, r -> r.agent("neighbour", "goal"));
        double softGoal = mean("soft", Fixtures.NEUTRAL, SOFT, Relationship.ACQUAINTANCES, r -> r.agent("neighbour", "goal"));
        assertThat(firmGoal).isGreaterThan(softGoal);
    }

    @Test
    void closenessMakesGivingInLikelier() {
        double strangers = mean("s", Fixtures.NEUTRAL, Fixtures.NEUTRAL, Relationship.STRANGERS, r -> r.episode("favour_granted"));
        double family = mean("f", Fixtures.NEUTRAL, Fixtures.NEUTRAL, Relationship.FAMILY, r -> r.episode("favour_granted"));
        assertThat(family).isGreaterThan(strangers + 0.05);
    }

    @Test
    void aPushyAskerAsksMoreAndPaysForItInRelationship() {
        double pushyAsks = mean("p", PUSHY, FIRM, Relationship.ACQUAINTANCES, r -> r.agent("asker", "asks"));
        double meekAsks = mean("m", MEEK, FIRM, Relationship.ACQUAINTANCES, r -> r.agent("asker", "asks"));
        assertThat(pushyAsks).isGreaterThan(meekAsks + 0.8);
        double pushyRel = mean("p", PUSHY, FIRM, Relationship.ACQUAINTANCES, r -> r.agent("asker", "relationship"));
        double meekRel = mean("m", MEEK, FIRM, Relationship.ACQUAINTANCES, r -> r.agent("asker", "relationship"));
        assertThat(pushyRel).isLessThan(meekRel - 1);
    }

    @Test
    void favourEpisodesEndByThemselvesAndReplayExactly() {
        int natural = 0;
        for (int i = 0; i < 50; i++) {
            var run = favour("end", i, Fixtures.NEUTRAL, Fixtures.NEUTRAL, Relationship.FRIENDS);
            if (!run.endReason().equals("max-turns")) {
                natural++;
            }
        }
        assertThat(natural).isGreaterThanOrEqualTo(48);
        assertThat(favour("x", 9, PUSHY, FIRM, Relationship.FRIENDS).lines())
                .isEqualTo(favour("x", 9, PUSHY, FIRM, Relationship.FRIENDS).lines());
    }

    private static DialogueParams smallTalkParams() {
        return new DialogueParams("Two colleagues wait for the same delayed train.", Relationship.COLLEAGUES,
                Fixtures.ordered(
                        "a", new RoleBrief("Pass the time pleasantly.", null, null,
                                new Objective.SmallTalk(List.of("the delay", "weekend plans", "the new office"), 8)),
                        "b", new RoleBrief("Pass the time pleasantly.", null, null, new Objective.SmallTalk(List.of(), 8))),
                null, null);
    }

    private static AlternatingLoop.Run chat(String condition, int i, Persona a, Persona b) {
        long seed = Seeds.episode(11, condition, i);
        return AlternatingLoop.run(smallTalkParams(), List.of(
                Fixtures.agent("a", "a", a, null, Map.of(), seed), Fixtures.agent("b", "b", b, null, Map.of(), seed)),
                "a", seed, 40, SimulationMetrics.NONE);
    }

    @Test
    void extravertsTalkLongerThanIntroverts() {
        var extravert = Fixtures.persona("Eve Extra", 0.6, 0.5, 0.95, 0.7, 0.3);
        var introvert = Fixtures.persona("Ian Intro", 0.6, 0.5, 0.05, 0.7, 0.3);
        double loud = 0;
        double quiet = 0;
        for (int i = 0; i < EPISODES; i++) {
            loud += chat("e", i, extravert, extravert).actions().size();
            quiet += chat("i", i, introvert, introvert).actions().size();
        }
        assertThat(loud / EPISODES).isGreaterThan(quiet / EPISODES + 3);
        var sample = chat("e", 1, extravert, extravert);
        assertThat(sample.endReason()).isIn("goodbye", "leave");
        assertThat(sample.agent("a", "goal")).isEqualTo(10.0);
    }

    @Test
    void theEnvironmentTypeIsFoundByServiceLoader() {
        assertThat(ServiceLoader.load(EnvironmentType.class).stream().map(p -> p.get().name()))
                .contains("dialogue");
        assertThat(new DialogueType().roles(Fixtures.bike())).containsExactly("seller", "buyer");
        assertThat(new DialogueType().check(Fixtures.bike())).isEmpty();
    }

    @Test
    void badPolicyChoicesFailWithThePlaceAndTheFix() {
        var type = new DialogueType();
        var params = Fixtures.bike();
        assertThatThrownBy(() -> type.ruleBasedMind(params, new AgentSetup("s", "seller", Fixtures.NEUTRAL, "haggler",
                Map.of(), 1), null)).hasMessageContaining("agents.s.mind.policy: unknown dialogue policy 'haggler'")
                .hasMessageContaining("negotiator");
        assertThatThrownBy(() -> type.ruleBasedMind(params, new AgentSetup("s", "seller", Fixtures.NEUTRAL, "negotiator",
                Map.of("concesion-rate", 0.1), 1), null)).hasMessageContaining("agents.s.mind.params.concesion-rate: unknown")
                .hasMessageContaining("concession-rate");
        assertThatThrownBy(() -> type.ruleBasedMind(params, new AgentSetup("s", "seller", Fixtures.NEUTRAL, "negotiator",
                Map.of("concession-rate", "fast"), 1), null)).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> type.ruleBasedMind(favourParams(Relationship.FRIENDS), new AgentSetup("n", "neighbour",
                Fixtures.NEUTRAL, "negotiator", Map.of(), 1), null)).hasMessageContaining("needs a role whose objective is { type: negotiate");
        assertThatThrownBy(() -> type.ruleBasedMind(params, new AgentSetup("s", "seller", Fixtures.NEUTRAL, "favour-asker",
                Map.of(), 1), null)).hasMessageContaining("needs something to ask for");
        // a refuser or small talker can play any role
        assertThat(type.ruleBasedMind(params, new AgentSetup("s", "seller", Fixtures.NEUTRAL, "small-talk", Map.of(), 1),
                new EpisodeContext("e", "c", 1, List.of(), null)).describe()).isEqualTo("rule-based:small-talk");
    }
}
