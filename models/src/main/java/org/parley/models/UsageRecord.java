package org.parley.models;

/**
 * Usage of one model by one role in one episode (or a total, where role or episode is {@code *}).
 *
 * @param requests        calls answered by the provider
 * @param cachedResponses calls answered from the record/replay cache
 * @param failures        calls that failed for good
 * @param retries         attempts repeated after a transient failure
 * @param inputTokens     prompt tokens
 * @param outputTokens    completion tokens
 * @param latencyMillis   summed provider latency of successful calls
 * @param cost            price of the tokens per the model's {@link Pricing}
 */
public record UsageRecord(
        String model, String role, String episode, long requests, long cachedResponses, long failures, long retries,
        long inputTokens, long outputTokens, double latencyMillis, double cost) {

    public static final String ALL = "*";

    /** Mean latency of a successful provider call, or 0 when there were none. */
    public double meanLatencyMillis() {
        return requests == 0 ? 0 : latencyMillis / requests;
    }

    UsageRecord plus(UsageRecord o, String model, String role, String episode) {
        return new UsageRecord(model, role, episode, requests + o.requests, cachedResponses + o.cachedResponses,
                failures + o.failures, retries + o.retries, inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                latencyMillis + o.latencyMillis, cost + o.cost);
    }
}
