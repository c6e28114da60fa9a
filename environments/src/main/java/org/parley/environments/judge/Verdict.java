package org.parley.environments.judge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Outcome;

/**
 * A judge's scores for one episode.
 *
 * @param rubric    the rubric used
 * @param model     the model that judged
 * @param scores    per agent, per dimension name, the score (clamped to the scale)
 * @param reasoning per agent, per dimension name, the judge's stated reason
 * @param notes     repairs made (scores clamped, re-asks)
 * @param failure   null when every agent got every score; otherwise why not
 */
public record Verdict(Rubric rubric, String model, Map<String, Map<String, Double>> scores,
                      Map<String, Map<String, String>> reasoning, List<String> notes, String failure) {

    public Verdict {
        scores = deepCopy(scores);
        reasoning = deepCopy(reasoning);
        notes = List.copyOf(notes);
    }

    public boolean complete() {
        return failure == null;
    }

    /** The scores as an {@link Outcome}: columns {@code <prefix>_<dimension>} (and {@code <prefix>_overall}). */
    public Outcome toOutcome() {
        var perAgent = new LinkedHashMap<String, Map<String, Double>>();
        scores.forEach((agent, dims) -> {
            var named = new LinkedHashMap<String, Double>();
            for (Dimension d : rubric.dimensions()) {
                if (dims.containsKey(d.name())) {
                    named.put(rubric.scoreName(d), dims.get(d.name()));
                }
            }
            if (rubric.overall() && dims.size() == rubric.dimensions().size()) {
                named.put(rubric.overallName(), dims.values().stream().mapToDouble(Double::doubleValue).average().orElse(0));
            }
            perAgent.put(agent, named);
        });
        return new Outcome(perAgent, Map.of());
    }

    /** The environment's outcome with these scores added to each agent's (judge scores win on a clash). */
    public Outcome mergeInto(Outcome outcome) {
        var merged = new LinkedHashMap<String, Map<String, Double>>();
        outcome.agentScores().forEach((a, s) -> merged.put(a, new LinkedHashMap<>(s)));
        toOutcome().agentScores().forEach((a, s) -> merged.computeIfAbsent(a, k -> new LinkedHashMap<>()).putAll(s));
        return new Outcome(merged, outcome.episodeScores());
    }

    private static <V> Map<String, Map<String, V>> deepCopy(Map<String, Map<String, V>> m) {
        var copy = new LinkedHashMap<String, Map<String, V>>();
        m.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(copy);
    }
}
