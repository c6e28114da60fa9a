package org.parley.runtime.output;

/** Stable, locale-free text for numbers in results.csv and summary.json. */
public final class Numbers {
    private Numbers() {}

    /** Whole numbers without a decimal point ({@code 3}), others as Java's shortest round-trip text. */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
