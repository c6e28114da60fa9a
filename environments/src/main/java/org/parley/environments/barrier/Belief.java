package org.parley.environments.barrier;

/**
 * What a listener takes one of its partner's information units to be.
 *
 * @param value   the content it believes, or {@code null} when it has no reading at all
 * @param doubted it has noticed that it may have misunderstood
 */
public record Belief(String value, boolean doubted) {}
