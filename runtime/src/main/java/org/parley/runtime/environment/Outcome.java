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
        OrderedData.copyFlat(agentScores).forEach((k, v) -> copy.put(k, OrderedData.copyFlat(v)));
        agentScores = Collections.unmodifiableSequencedMap(copy);
        episodeScores = OrderedData.copyFlat(episodeScores);
    }

    public static Outcome empty() {
        return new Outcome(Map.of(), Map.of());
    }
}
