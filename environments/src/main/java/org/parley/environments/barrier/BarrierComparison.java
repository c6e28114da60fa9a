package org.parley.environments.barrier;

import java.util.List;

/**
 * Compares a score between a barrier condition and the barrier-free baseline: the means, their
 * 95% confidence intervals, and the relative change (treated − baseline) / baseline with a 95%
 * interval from the delta method. Used by the summary of the socialveil scenario family.
 */
public final class BarrierComparison {
    private static final double Z95 = 1.959963984540054;

    /** Mean and 95% normal-approximation interval of a sample. */
    public record Estimate(double mean, double low, double high, int n) {
        public double halfWidth() {
            return (high - low) / 2;
        }
    }

    /**
     * @param relativeChange (treated − baseline) / baseline
     * @param low            lower end of its 95% interval
     * @param high           upper end of its 95% interval
     * @param separated      the two means' 95% intervals do not overlap
     */
    public record Change(Estimate baseline, Estimate treated, double relativeChange, double low, double high, boolean separated) {}

    private BarrierComparison() {}

    public static Estimate estimate(List<Double> sample) {
        int n = sample.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot estimate a mean from no episodes");
        }
        double mean = sample.stream().mapToDouble(Double::doubleValue).sum() / n;
        double var = n < 2 ? 0 : sample.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        double se = Math.sqrt(var / n);
        return new Estimate(mean, mean - Z95 * se, mean + Z95 * se, n);
    }

    public static Change compare(List<Double> baseline, List<Double> treated) {
        var b = estimate(baseline);
        var t = estimate(treated);
        double seB = b.halfWidth() / Z95;
        double seT = t.halfWidth() / Z95;
        double ratio = t.mean() / b.mean();
        // Delta method for the ratio of two independent means.
        double seRatio = Math.abs(ratio) * Math.sqrt(sq(seT / t.mean()) + sq(seB / b.mean()));
        double rel = ratio - 1;
        boolean separated = t.high() < b.low() || t.low() > b.high();
        return new Change(b, t, rel, rel - Z95 * seRatio, rel + Z95 * seRatio, separated);
    }

    private static double sq(double x) {
        return x * x;
    }
}
