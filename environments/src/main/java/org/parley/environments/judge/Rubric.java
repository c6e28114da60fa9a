package org.parley.environments.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;

/**
 * A named set of dimensions an LLM judge scores each agent on at the end of an episode.
 *
 * @param name        the rubric's name ({@code sotopia-7})
 * @param description what it measures, shown to the judge
 * @param scorePrefix prefix of the score names in results ({@code sotopia} gives {@code sotopia_goal})
 * @param overall     also report the mean over dimensions as {@code <prefix>_overall}
 * @param dimensions  what is scored, in order
 */
public record Rubric(
        @JsonProperty("rubric") String name,
        String description,
        @JsonProperty("score-prefix") String scorePrefix,
        boolean overall,
        List<Dimension> dimensions) {

    public Rubric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rubric needs a name (rubric: ...)");
        }
        if (dimensions == null || dimensions.isEmpty()) {
            throw new IllegalArgumentException("rubric " + name + " has no dimensions");
        }
        dimensions = List.copyOf(dimensions);
        var seen = new HashSet<String>();
        for (Dimension d : dimensions) {
            if (!seen.add(d.name())) {
                throw new IllegalArgumentException("rubric " + name + " names dimension " + d.name() + " twice");
            }
        }
        scorePrefix = scorePrefix == null || scorePrefix.isBlank()
                ? name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                : scorePrefix;
        if (!scorePrefix.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("rubric " + name + ": score-prefix '" + scorePrefix + "' must be snake_case");
        }
        description = description == null ? "" : description.strip();
    }

    public String scoreName(Dimension d) {
        return scorePrefix + "_" + d.name();
    }

    public String overallName() {
        return scorePrefix + "_overall";
    }

    public Dimension dimension(String dimensionName) {
        return dimensions.stream().filter(d -> d.name().equals(dimensionName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("rubric " + name + " has no dimension " + dimensionName));
    }
}
