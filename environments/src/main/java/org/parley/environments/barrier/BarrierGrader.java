package org.parley.environments.barrier;

import java.util.List;
import java.util.Map;

/**
 * The deterministic barrier grader for rule-based runs. It compares what each listener finally
 * believes about its partner's information units with the truth.
 *
 * <p>Each unit ends in one of five states:
 * <ul>
 *   <li>correct — the right value, held without doubt (understanding 1, confusion 0);</li>
 *   <li>correct but doubted — the right value, still flagged unclear (understanding ½, confusion ½);</li>
 *   <li>misread — a wrong value held without doubt (understanding 0, confusion 1);</li>
 *   <li>unclear — flagged as not understood and no right value (understanding 0, confusion 1);</li>
 *   <li>missing — never received (understanding 0, confusion ½: a known gap, not a confusion).</li>
 * </ul>
 * Over all units of both directions, {@code mutual_understanding = 1 + 4·mean(understanding)}
 * (1–5, <b>higher is better</b>) and {@code unresolved_confusion = 1 + 4·mean(confusion)} (1–5,
 * <b>higher is worse</b>: more confusion left unresolved at the end). A speaker's Sotopia-style
 * {@code goal} (0–10) is 10 × the mean understanding of its own units by the partner.
 */
public final class BarrierGrader {

    /** One direction: the units one speaker had to convey and what the listener ended up believing. */
    public record Direction(List<InfoUnit> units, Map<String, Belief> listenerBeliefs) {}

    /**
     * @param mutualUnderstanding 1–5, higher is better
     * @param unresolvedConfusion 1–5, higher is worse
     * @param goalA               0–10, how well A's units got across
     * @param goalB               0–10, how well B's units got across
     */
    public record Grade(
            double mutualUnderstanding, double unresolvedConfusion, double goalA, double goalB,
            int correct, int correctDoubted, int misread, int unclear, int missing) {}

    private BarrierGrader() {}

    public static Grade grade(Direction aToB, Direction bToA) {
        var a = tally(aToB);
        var b = tally(bToA);
        int n = aToB.units().size() + bToA.units().size();
        double understanding = (a.understanding + b.understanding) / n;
        double confusion = (a.confusion + b.confusion) / n;
        return new Grade(
                1 + 4 * understanding, 1 + 4 * confusion,
                10 * a.understanding / Math.max(1, aToB.units().size()),
                10 * b.understanding / Math.max(1, bToA.units().size()),
                a.correct + b.correct, a.correctDoubted + b.correctDoubted, a.misread + b.misread,
                a.unclear + b.unclear, a.missing + b.missing);
    }

    /** The state of one unit given the listener's belief (null when nothing was received). */
    public static String state(InfoUnit unit, Belief belief) {
        if (belief == null) {
            return "missing";
        }
        boolean right = unit.value().equals(belief.value());
        if (right) {
            return belief.doubted() ? "correct-doubted" : "correct";
        }
        return belief.doubted() || belief.value() == null ? "unclear" : "misread";
    }

    private static Tally tally(Direction d) {
        var t = new Tally();
        for (InfoUnit u : d.units()) {
            switch (state(u, d.listenerBeliefs().get(u.id()))) {
                case "correct" -> {
                    t.correct++;
                    t.understanding += 1;
                }
                case "correct-doubted" -> {
                    t.correctDoubted++;
                    t.understanding += 0.5;
                    t.confusion += 0.5;
                }
                case "misread" -> {
                    t.misread++;
                    t.confusion += 1;
                }
                case "unclear" -> {
                    t.unclear++;
                    t.confusion += 1;
                }
                default -> {
                    t.missing++;
                    t.confusion += 0.5;
                }
            }
        }
        return t;
    }

    private static final class Tally {
        double understanding;
        double confusion;
        int correct;
        int correctDoubted;
        int misread;
        int unclear;
        int missing;
    }
}
