package org.parley.runtime.output;

import java.util.List;

/**
 * Mean of a score with its spread and 95% confidence interval (Student's t).
 *
 * @param n    number of values
 * @param mean arithmetic mean
 * @param sd   sample standard deviation (n − 1); 0 when n = 1
 * @param ciLow  lower end of the 95% interval; equal to the mean when n = 1
 * @param ciHigh upper end of the 95% interval
 */
public record ScoreStats(int n, double mean, double sd, double ciLow, double ciHigh) {

    public static ScoreStats of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new ScoreStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new ScoreStats(1, mean, 0, mean, mean);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = TDistribution.critical(0.95, n - 1) * sd / Math.sqrt(n);
        return new ScoreStats(n, mean, sd, mean - half, mean + half);
    }

    /** {@code 0.62 ± 0.05} for tables. */
    public String display() {
        if (n == 0) {
            return "–";
        }
        return String.format(java.util.Locale.ROOT, "%.3g ± %.2g", mean, (ciHigh - ciLow) / 2);
    }
}
