package org.parley.runtime.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one condition's score differs from a baseline condition's: the difference of means with a
 * Welch 95% confidence interval, and the same as a relative change of the baseline mean.
 *
 * <p>The relative interval divides the difference's interval by the baseline mean, treating that
 * mean as known; with the sample sizes of a typical run (tens of episodes or more) this is close to
 * a ratio interval and it keeps the two statements consistent: the relative change is clear
 * exactly when the difference is.
 *
 * @param relative     difference ÷ |baseline mean|, or NaN when the baseline mean is 0
 */
public record Comparison(
        String condition, String baseline, String score, double difference, double ciLow, double ciHigh,
        double relative, double relativeLow, double relativeHigh) {

    /** The 95% interval of the difference excludes zero. */
    public boolean clear() {
        return ciLow > 0 || ciHigh < 0;
    }

    /** Every score two conditions share, each condition against the baseline (baseline itself left out). */
    public static List<Comparison> against(String baseline, List<Summary.ConditionSummary> summaries) {
        var base = summaries.stream().filter(s -> s.condition().equals(baseline)).findFirst();
        if (base.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<Comparison>();
        for (Summary.ConditionSummary s : summaries) {
            if (s.condition().equals(baseline)) {
                continue;
            }
            s.scores().forEach((score, stats) -> {
                ScoreStats b = base.get().scores().get(score);
                if (b != null) {
                    of(s.condition(), baseline, score, stats, b).ifPresent(out::add);
                }
            });
        }
        return out;
    }

    /** The comparison of two samples' statistics; empty when either has fewer than two values. */
    public static Optional<Comparison> of(String condition, String baseline, String score, ScoreStats c, ScoreStats b) {
        if (c.n() < 2 || b.n() < 2) {
            return Optional.empty();
        }
        double diff = c.mean() - b.mean();
        double vc = c.sd() * c.sd() / c.n();
        double vb = b.sd() * b.sd() / b.n();
        double se = Math.sqrt(vc + vb);
        double half = 0;
        if (se > 0) {
            // Welch–Satterthwaite degrees of freedom, rounded down (conservative).
            double df = (vc + vb) * (vc + vb) / (vc * vc / (c.n() - 1) + vb * vb / (b.n() - 1));
            half = TDistribution.critical(0.95, Math.max(1, (int) Math.floor(df))) * se;
        }
        double lo = diff - half;
        double hi = diff + half;
        double scale = Math.abs(b.mean());
        double rel = scale == 0 ? Double.NaN : diff / scale;
        double relLo = scale == 0 ? Double.NaN : lo / scale;
        double relHi = scale == 0 ? Double.NaN : hi / scale;
        return Optional.of(new Comparison(condition, baseline, score, diff, lo, hi, rel, relLo, relHi));
    }

    /** {@code -18.9% [-21.1, -16.7]} (relative) or {@code +0.75 [+0.60, +0.90]} when the baseline mean is 0. */
    public String display() {
        if (!Double.isNaN(relative)) {
            return String.format(Locale.ROOT, "%+.1f%% [%+.1f, %+.1f]", 100 * relative, 100 * relativeLow, 100 * relativeHigh);
        }
        return String.format(Locale.ROOT, "%+.3g [%+.3g, %+.3g]", difference, ciLow, ciHigh);
    }
}
