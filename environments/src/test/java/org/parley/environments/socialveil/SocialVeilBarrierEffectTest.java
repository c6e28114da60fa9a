package org.parley.environments.socialveil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.environments.barrier.Adaptation;
import org.parley.environments.barrier.BarrierComparison;
import org.parley.environments.barrier.BarrierSpec;
import org.parley.environments.barrier.BarrierSummary;
import org.parley.environments.barrier.BarrierType;

/**
 * Pins the family's headline direction on fixed seeds: every barrier lowers mutual understanding
 * and raises unresolved confusion against the barrier-free condition, with 95% intervals that do not
 * overlap; and the repair instruction makes the listener repair more.
 */
class SocialVeilBarrierEffectTest {
    private static final int EPISODES = 150;

    @Test
    void barriersLowerMutualUnderstandingAndRaiseConfusion() {
        var mu = new LinkedHashMap<BarrierType, List<Double>>();
        var uc = new LinkedHashMap<BarrierType, List<Double>>();
        for (BarrierType t : BarrierType.values()) {
            var params = SocialVeilParams.defaults().withBarrier(BarrierSpec.of(t, 0.7));
            mu.put(t, new ArrayList<>());
            uc.put(t, new ArrayList<>());
            for (int i = 0; i < EPISODES; i++) {
                var scores = SocialVeilFixtures.episode(params, t.key() + "+none", i).outcome().episodeScores();
                mu.get(t).add(scores.get("mutual_understanding"));
                uc.get(t).add(scores.get("unresolved_confusion"));
            }
        }
        for (BarrierType t : List.of(BarrierType.SEMANTIC_VAGUENESS, BarrierType.SOCIOCULTURAL_MISMATCH,
                BarrierType.EMOTIONAL_INTERFERENCE)) {
            var muChange = BarrierComparison.compare(mu.get(BarrierType.NONE), mu.get(t));
            var ucChange = BarrierComparison.compare(uc.get(BarrierType.NONE), uc.get(t));
            System.out.printf("%-24s mutual_understanding %.2f -> %.2f (%+.1f%%, 95%% CI %+.1f..%+.1f%%); "
                            + "unresolved_confusion %.2f -> %.2f (%+.1f%%, 95%% CI %+.1f..%+.1f%%)%n",
                    t.key(), muChange.baseline().mean(), muChange.treated().mean(), 100 * muChange.relativeChange(),
                    100 * muChange.low(), 100 * muChange.high(), ucChange.baseline().mean(), ucChange.treated().mean(),
                    100 * ucChange.relativeChange(), 100 * ucChange.low(), 100 * ucChange.high());
            assertThat(muChange.separated()).as(t.key() + " understanding CIs separate").isTrue();
            assertThat(muChange.treated().high()).isLessThan(muChange.baseline().low());
            assertThat(muChange.high()).as(t.key() + " relative change CI below zero").isLessThan(0);
            assertThat(ucChange.treated().low()).as(t.key() + " confusion rises").isGreaterThan(ucChange.baseline().high());
        }
    }

    @Test
    void theFullGridSummaryReportsEveryBarriersRelativeChange() {
        var episodes = new ArrayList<BarrierSummary.Episode>();
        for (BarrierType t : BarrierType.values()) {
            for (Adaptation a : Adaptation.values()) {
                var params = SocialVeilParams.defaults().withBarrier(BarrierSpec.of(t, 0.7)).withAdaptation(a);
                for (int i = 0; i < 180; i++) {
                    var s = SocialVeilFixtures.episode(params, t.key() + "+" + a.key(), i).outcome().episodeScores();
                    episodes.add(new BarrierSummary.Episode(t.key(), a.key(), s.get("mutual_understanding"),
                            s.get("unresolved_confusion"), s.get("repair_attempts")));
                }
            }
        }
        var rows = BarrierSummary.summarise(episodes);
        System.out.println(BarrierSummary.markdown(rows));
        assertThat(rows).hasSize(12);
        for (var r : rows) {
            if (r.barrierType().equals("none")) {
                assertThat(r.understandingChange()).isNull();
            } else {
                assertThat(r.understandingChange().relativeChange()).as(r.barrierType() + "+" + r.adaptation()).isNegative();
                assertThat(r.confusionChange().relativeChange()).as(r.barrierType() + "+" + r.adaptation()).isPositive();
            }
        }
        assertThat(BarrierSummary.flatten(rows)).containsKey("emotional-interference.repair.mutual_understanding_relative_change_low");
    }

    @Test
    void theRepairInstructionRaisesRepairAttemptsAndHelpsUnderstanding() {
        var params = SocialVeilParams.defaults().withBarrier(BarrierSpec.of(BarrierType.EMOTIONAL_INTERFERENCE, 0.7));
        Map<Adaptation, List<Double>> repairs = new LinkedHashMap<>();
        Map<Adaptation, List<Double>> mu = new LinkedHashMap<>();
        for (Adaptation a : List.of(Adaptation.NONE, Adaptation.REPAIR)) {
            repairs.put(a, new ArrayList<>());
            mu.put(a, new ArrayList<>());
            for (int i = 0; i < EPISODES; i++) {
                var scores = SocialVeilFixtures.episode(params.withAdaptation(a), "emotional+" + a.key(), i)
                        .outcome().episodeScores();
                repairs.get(a).add(scores.get("repair_attempts"));
                mu.get(a).add(scores.get("mutual_understanding"));
            }
        }
        var more = BarrierComparison.compare(repairs.get(Adaptation.NONE), repairs.get(Adaptation.REPAIR));
        assertThat(more.treated().low()).isGreaterThan(more.baseline().high());
        var helped = BarrierComparison.compare(mu.get(Adaptation.NONE), mu.get(Adaptation.REPAIR));
        assertThat(helped.relativeChange()).isPositive();
    }
}
