package org.parley.scenarios.model;

import java.util.List;

/** A named variation of the scenario: the overrides applied to the base before binding. */
public record Condition(String name, String description, List<ValueOverride> overrides) {

    public Condition {
        overrides = List.copyOf(overrides);
    }

    public static final String DEFAULT = "default";
}
