package org.parley.runtime.environment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named scores at the end of an episode. Score names are kebab- or snake-case (e.g. {@code goal},
 * {@code deal_price}); they become columns of results.csv and entries of summary.json.
 *
 * @param agentScores   per agent id, its scores
 * @param episodeScores scores of the episode as a whole (e.g. {@code mutual_understanding})
 */
public record Outcome(Map<String, Map<String, Double>> agentScores, Map<String, Double> episodeScores) {

    public Outcome {
        var copy = new LinkedHashMap<String, Map<String, Double>>();
        agentScores.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        agentScores = Collections.unmodifiableMap(copy);
        episodeScores = Collections.unmodifiableMap(new LinkedHashMap<>(episodeScores));
    }

    public static Outcome empty() {
        return new Outcome(Map.of(), Map.of());
    }
}
