package org.parley.environments.socialveil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.barrier.Adaptation;
import org.parley.environments.barrier.CommunicationBarrier;
import org.parley.environments.barrier.BarrierSpec;
import org.parley.environments.barrier.BarrierType;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;

class SocialVeilEnvironmentTest {
    private static final SocialVeilParams VAGUE =
            SocialVeilParams.defaults().withBarrier(BarrierSpec.of(BarrierType.SEMANTIC_VAGUENESS, 0.8));

    @Test
    void sameSeedGivesTheSameTranscript() {
        var first = SocialVeilFixtures.episode(VAGUE.withAdaptation(Adaptation.REPAIR), "vague+repair", 7);
        var second = SocialVeilFixtures.episode(VAGUE.withAdaptation(Adaptation.REPAIR), "vague+repair", 7);
        assertThat(first.transcript()).isEqualTo(second.transcript());
        assertThat(first.outcome()).isEqualTo(second.outcome());
        assertThat(SocialVeilFixtures.episode(VAGUE, "vague+repair", 8).transcript()).isNotEqualTo(first.transcript());
    }

    @Test
    void aOpensAgentsAlternateAndEpisodesEndWithinTwentyRounds() {
        for (int i = 0; i < 30; i++) {
            var run = SocialVeilFixtures.episode(VAGUE, "vague", i);
            assertThat(run.transcript().get(0)).startsWith("maya ");
            for (int t = 0; t < run.transcript().size(); t++) {
                assertThat(run.transcript().get(t)).startsWith(t % 2 == 0 ? "maya " : "jonas ");
            }
            assertThat(run.endReason()).isIn("leave", "goodbye", "max-rounds");
            assertThat(run.outcome().episodeScores().get("rounds")).isBetween(4.0, 20.0);
            assertThat(run.outcome().episodeScores()).containsKeys("mutual_understanding", "unresolved_confusion",
                    "repair_attempts");
            assertThat(run.outcome().agentScores().get("maya")).containsKey("goal");
        }
    }

    @Test
    void theOverlayReachesOnlyTheBarrieredAgent() {
        var run = SocialVeilFixtures.episode(VAGUE.withAdaptation(Adaptation.REASONING), "vague+reasoning", 0);
        String overlay = new CommunicationBarrier(VAGUE.barrier()).promptOverlay();
        var briefings = run.observations().stream().filter(o -> o.kind().equals("briefing")).toList();
        assertThat(briefings).hasSize(2);
        assertThat(briefing(briefings, "maya").text()).contains(overlay);
        assertThat(briefing(briefings, "maya").data()).containsKey("barrier");
        assertThat(briefing(briefings, "jonas").text()).doesNotContain(overlay).contains(Adaptation.REASONING.promptOverlay());
        assertThat(briefing(briefings, "jonas").data()).doesNotContainKey("barrier");
        var env = (SocialVeilEnvironment) run.environment();
        assertThat(env.promptOverlayFor("maya")).isEqualTo(overlay);
        assertThat(env.promptOverlayFor("jonas")).isEmpty();
    }

    @Test
    void goodbyeEndsOnlyAfterRoundThreeLeaveEndsAtOnceAndTheCapHolds() {
        var env = scripted(VAGUE);
        assertThat(env.act(Action.speak("maya", "Well, goodbye then")).isDone()).isFalse();
        for (int i = 0; i < 5; i++) {
            assertThat(env.act(Action.speak(i % 2 == 0 ? "jonas" : "maya", "Hm.")).isDone()).isFalse();
        }
        Step bye = env.act(Action.speak("maya", "OK, bye!"));
        assertThat(bye.endReason()).isEqualTo("goodbye");

        var leaving = scripted(VAGUE);
        assertThat(leaving.act(Action.leave("maya", "")).endReason()).isEqualTo("leave");

        var capped = scripted(VAGUE.withSituation(2));
        Step last = null;
        for (int i = 0; i < 40; i++) {
            last = capped.act(Action.speak(i % 2 == 0 ? "maya" : "jonas", "Hm."));
            assertThat(last.isDone()).isEqualTo(i == 39);
        }
        assertThat(last.endReason()).isEqualTo("max-rounds");
        // No structured understanding was reported (as with LLM minds): the judge supplies the barrier scores.
        assertThat(capped.outcome().episodeScores()).doesNotContainKey("mutual_understanding").containsKey("repair_attempts");
    }

    @Test
    void aTargetedRepairEasesSeverityAndIsReportedAsEventsAndTaggedMetrics() {
        var metrics = new RecordingMetrics();
        var env = scripted(VAGUE.withSituation(0), metrics);
        env.act(Action.speak("maya", "The price. Six... something. Or so."));
        var unit = env.situation().unitsA().get(0).id();
        var belief = Map.<String, Object>of(unit, Map.of("value", "560 euros", "doubted", false));
        Step step = env.act(new Action("jonas", ActionKinds.SPEAK, "Sorry, which price?", null,
                Map.of("clarify", List.of(unit), "understanding", belief), 0, "test"));
        assertThat(step.events()).extracting(e -> e.type())
                .containsExactly("misunderstanding", "clarification-request", "repair-attempt");
        var repair = step.events().get(2);
        assertThat(repair.data().get("score")).isEqualTo(3.0);
        assertThat((double) repair.data().get("severity-after")).isEqualTo(Math.round(0.8 * 0.95 * 1000) / 1000.0);
        Observation toA = step.observations().get(0);
        assertThat(toA.agent()).isEqualTo("maya");
        assertThat(toA.data()).containsEntry("barrier-severity", 0.76).doesNotContainKey("understanding");
        assertThat(metrics.calls).anyMatch(c -> c.name().equals("barrier_repair_attempts")
                && c.tags().get("barrier_type").equals("semantic-vagueness") && c.tags().get("adaptation").equals("none"));
        env.end("test");
        assertThat(metrics.calls).anyMatch(c -> c.name().equals("mutual_understanding") && c.kind().equals("observe"));
    }

    @Test
    void situationsAreDrawnFromTheSeedAcrossTheWholeCatalog() {
        var seen = new java.util.TreeSet<Integer>();
        for (int i = 0; i < 400; i++) {
            seen.add(SocialVeilEnvironment.situationIndex(SocialVeilParams.defaults(), org.parley.runtime.seed.Seeds.episode(1, "c", i)));
        }
        assertThat(SituationCatalog.size()).isGreaterThanOrEqualTo(24);
        assertThat(seen).hasSize(SituationCatalog.size());
        assertThat(SituationCatalog.all()).extracting(Situation::category).contains("negotiation", "favour", "conflict", "planning");
        assertThat(SituationCatalog.all().stream().map(Situation::id).distinct().count()).isEqualTo(SituationCatalog.size());
    }

    @Test
    void checkReportsBadParameters() {
        var type = new SocialVeilType();
        var bad = new SocialVeilParams(99, 0, null, null, null);
        assertThat(type.check(bad)).anyMatch(p -> p.startsWith("situation:")).anyMatch(p -> p.startsWith("max-rounds:"));
        assertThat(type.check(VAGUE)).isEmpty();
    }

    private static Observation briefing(List<Observation> briefings, String agent) {
        return briefings.stream().filter(o -> o.agent().equals(agent)).findFirst().orElseThrow();
    }

    private static SocialVeilEnvironment scripted(SocialVeilParams params) {
        return scripted(params, SimulationMetrics.NONE);
    }

    private static SocialVeilEnvironment scripted(SocialVeilParams params, SimulationMetrics metrics) {
        var agents = List.of(
                new AgentSetup("maya", SocialVeilEnvironment.ROLE_A, SocialVeilFixtures.MAYA, null, Map.of(), 1),
                new AgentSetup("jonas", SocialVeilEnvironment.ROLE_B, SocialVeilFixtures.JONAS, null, Map.of(), 2));
        var env = new SocialVeilEnvironment(params);
        env.start(new EpisodeContext("t/0", "t", 5, agents.stream().map(AgentSetup::participant).toList(), metrics));
        return env;
    }
}
