package org.parley.environments.socialveil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.agents.mind.AgentSetup;
import org.parley.agents.persona.BigFive;
import org.parley.environments.barrier.Adaptation;
import org.parley.environments.barrier.BarrierSpec;
import org.parley.environments.barrier.BarrierType;
import org.parley.runtime.metrics.SimulationMetrics;
import org.parley.runtime.seed.Seeds;

class ListenerProfileTest {

    @Test
    void personaAndAdaptationSetTheListenersRates() {
        var shy = new BigFive(0.5, 0.2, 0.1, 0.5, 0.9);
        var bold = new BigFive(0.5, 0.9, 0.9, 0.5, 0.1);
        assertThat(ListenerProfile.of(bold, Adaptation.NONE, Map.of()).askRate())
                .isGreaterThan(ListenerProfile.of(shy, Adaptation.NONE, Map.of()).askRate());
        assertThat(ListenerProfile.of(bold, Adaptation.NONE, Map.of()).noticeRate())
                .isGreaterThan(ListenerProfile.of(shy, Adaptation.NONE, Map.of()).noticeRate());
        var none = ListenerProfile.of(BigFive.NEUTRAL, Adaptation.NONE, Map.of());
        var repair = ListenerProfile.of(BigFive.NEUTRAL, Adaptation.REPAIR, Map.of());
        var reasoning = ListenerProfile.of(BigFive.NEUTRAL, Adaptation.REASONING, Map.of());
        assertThat(repair.askRate()).isGreaterThan(reasoning.askRate()).isGreaterThan(none.askRate());
        assertThat(reasoning.noticeRate()).isGreaterThan(repair.noticeRate());
        assertThat(ListenerProfile.of(BigFive.NEUTRAL, Adaptation.NONE, Map.of("ask-rate", 0.0)).askRate()).isZero();
    }

    @Test
    void aListenerThatNeverAsksOrChecksLeavesMoreConfusionThanOneThatAlwaysDoes() {
        var params = SocialVeilParams.defaults().withBarrier(BarrierSpec.of(BarrierType.SEMANTIC_VAGUENESS, 0.8));
        double silent = 0;
        double probing = 0;
        for (int i = 0; i < 60; i++) {
            silent += confusion(params, Map.of("ask-rate", 0.0, "paraphrase-rate", 0.0), i);
            probing += confusion(params, Map.of("ask-rate", 1.0, "paraphrase-rate", 1.0, "notice-rate", 0.9), i);
        }
        assertThat(probing).isLessThan(silent * 0.8);
    }

    private static double confusion(SocialVeilParams params, Map<String, Object> listener, int i) {
        long seed = Seeds.episode(5, "probe", i);
        var agents = List.of(
                new AgentSetup("maya", SocialVeilEnvironment.ROLE_A, SocialVeilFixtures.MAYA, null, Map.of(), Seeds.agent(seed, "maya")),
                new AgentSetup("jonas", SocialVeilEnvironment.ROLE_B, SocialVeilFixtures.JONAS, null, listener, Seeds.agent(seed, "jonas")));
        return SyncDriver.run(new SocialVeilType(), params, agents, "probe", seed, 60, SimulationMetrics.NONE)
                .outcome().episodeScores().get("unresolved_confusion");
    }
}
