package org.parley.environments.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CommunicationBarrierTest {
    private static final InfoUnit UNIT = InfoUnit.of("price", "the price", "650 euros", "560 euros", "750 euros");

    @Test
    void severityEasesOnlyForRepairsScoringAtLeastTwoAndAHalf() {
        assertThat(CommunicationBarrier.nextSeverity(0.8, 2.4)).isEqualTo(0.8);
        assertThat(CommunicationBarrier.nextSeverity(0.8, 2.5)).isCloseTo(0.8 * (1 - 0.1 * 1.5 / 4), within(1e-12));
        assertThat(CommunicationBarrier.nextSeverity(0.8, 5)).isCloseTo(0.72, within(1e-12));
        var barrier = new CommunicationBarrier(BarrierSpec.of(BarrierType.SEMANTIC_VAGUENESS, 0.8));
        barrier.applyRepair(5);
        barrier.applyRepair(1);
        assertThat(barrier.severity()).isCloseTo(0.72, within(1e-12));
    }

    @Test
    void staticSeverityIgnoresRepairs() {
        var spec = new BarrierSpec("vague", 0.8, false, null, null, null, null, null, null, null, null);
        var barrier = new CommunicationBarrier(spec);
        assertThat(barrier.applyRepair(5)).isEqualTo(0.8);
    }

    @Test
    void overlayNamesTheCuesOfItsTypeAndIsEmptyWithoutBarrier() {
        assertThat(new CommunicationBarrier(BarrierSpec.none()).promptOverlay()).isEmpty();
        assertThat(new CommunicationBarrier(BarrierSpec.of(BarrierType.SEMANTIC_VAGUENESS, 0.8)).promptOverlay())
                .contains("referent-shift").contains("at least 2");
        assertThat(new CommunicationBarrier(BarrierSpec.of(BarrierType.SOCIOCULTURAL_MISMATCH, 0.8)).promptOverlay())
                .contains("high-context").contains("60%");
        assertThat(new CommunicationBarrier(BarrierSpec.of(BarrierType.EMOTIONAL_INTERFERENCE, 0.8)).promptOverlay())
                .contains("frustrated").contains("exclamation");
    }

    @Test
    void barriersLowerLiteralnessAndVaguenessOmitsUnitsButNeverAnAnsweredOne() {
        double plain = meanLiteralness(BarrierType.NONE, false);
        for (BarrierType t : new BarrierType[] {BarrierType.SEMANTIC_VAGUENESS, BarrierType.SOCIOCULTURAL_MISMATCH,
                BarrierType.EMOTIONAL_INTERFERENCE}) {
            assertThat(meanLiteralness(t, false)).as(t.key()).isLessThan(plain - 0.15);
            assertThat(meanLiteralness(t, true)).as(t.key() + " when answering").isGreaterThan(meanLiteralness(t, false));
        }
        var barrier = new CommunicationBarrier(BarrierSpec.of(BarrierType.SEMANTIC_VAGUENESS, 1.0));
        var rng = new SplittableRandom(3);
        int omitted = 0;
        for (int i = 0; i < 1000; i++) {
            omitted += barrier.render(UNIT, false, rng).omitted() ? 1 : 0;
            assertThat(barrier.render(UNIT, true, rng).omitted()).isFalse();
        }
        assertThat(omitted).isBetween(220, 380);
    }

    @Test
    void vaguenessUsesAtLeastTheMinimumNumberOfDevicesPerTurn() {
        var barrier = new CommunicationBarrier(BarrierSpec.of(BarrierType.SEMANTIC_VAGUENESS, 0.8));
        var rng = new SplittableRandom(9);
        var turn = java.util.List.of(new Rendering(UNIT, false, 0.95, "plain", "The price is 650 euros."));
        assertThat(barrier.extraAmbiguity(turn, rng)).hasSize(2);
    }

    @Test
    void emotionEscalatesEachTurnAndCalmingLowersIt() {
        var barrier = new CommunicationBarrier(BarrierSpec.of(BarrierType.EMOTIONAL_INTERFERENCE, 0.5));
        barrier.beginTurn();
        barrier.beginTurn();
        assertThat(barrier.intensity()).isCloseTo(0.5 + 2 * 0.08 * 0.5, within(1e-9));
        barrier.calm(0.25);
        assertThat(barrier.intensity()).isCloseTo(0.33, within(1e-9));
        assertThat(barrier.affectNoise()).isCloseTo(0.099, within(1e-9));
    }

    @Test
    void badBarrierInputNamesTheFieldAndTheFix() {
        assertThatThrownBy(() -> BarrierSpec.of(BarrierType.parse("muddled"), 0.5))
                .hasMessageContaining("barrier.type").hasMessageContaining("semantic-vagueness");
        var spec = new BarrierSpec("vague", 1.5, null, java.util.List.of("mumbling"), null, "medium", null, null, null, null, null);
        assertThat(spec.problems("barrier.")).anyMatch(p -> p.startsWith("barrier.severity"))
                .anyMatch(p -> p.contains("mumbling")).anyMatch(p -> p.startsWith("barrier.context-style"));
    }

    private static double meanLiteralness(BarrierType type, boolean answer) {
        var barrier = new CommunicationBarrier(BarrierSpec.of(type, 0.8));
        var rng = new SplittableRandom(17);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < 2000; i++) {
            var r = barrier.render(UNIT, answer, rng);
            if (!r.omitted()) {
                sum += r.literalness();
                n++;
            }
        }
        return sum / n;
    }
}
