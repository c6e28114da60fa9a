package org.parley.runtime.environment;

import java.util.List;

/**
 * What an agent may do at this moment: plain action kinds and tools with JSON-schema parameters.
 * LLM minds show it to the model and validate the answer against it.
 */
public record ActionSpace(List<String> kinds, List<ToolSpec> tools) {

    public ActionSpace {
        kinds = List.copyOf(kinds);
        tools = List.copyOf(tools);
    }

    public static ActionSpace of(String... kinds) {
        return new ActionSpace(List.of(kinds), List.of());
    }

    public boolean allows(String kind) {
        return kinds.contains(kind) || tools.stream().anyMatch(t -> t.name().equals(kind));
    }

    /**
     * A tool the environment offers.
     *
     * @param parametersSchema JSON Schema (as JSON text) of the tool's arguments object
     */
    public record ToolSpec(String name, String description, String parametersSchema) {}
}
