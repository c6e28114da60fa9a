package org.parley.scenarios.plan;

/**
 * Command-line choices that override the scenario's own {@code episodes}, {@code seed} and
 * {@code parallel}; null keeps the scenario's value.
 */
public record RunOptions(Integer episodes, Long seed, Integer parallel) {

    public static RunOptions none() {
        return new RunOptions(null, null, null);
    }

    public RunOptions {
        if (episodes != null && episodes < 1) {
            throw new IllegalArgumentException("--episodes must be at least 1, was " + episodes);
        }
        if (parallel != null && parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, was " + parallel);
        }
    }
}
