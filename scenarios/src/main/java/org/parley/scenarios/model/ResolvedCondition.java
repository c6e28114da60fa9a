package org.parley.scenarios.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A condition after its overrides: the resolved tree (for the manifest) and the bound scenario.
 */
public record ResolvedCondition(Condition condition, JsonNode tree, Scenario scenario) {

    public String name() {
        return condition.name();
    }
}
