package org.parley.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.runtime.environment.ActionSpace;

/**
 * Checks a tool call's arguments against the tool's JSON Schema: required properties present and
 * top-level property types right. That catches what models actually get wrong; the environment
 * still validates meaning (an offer above budget, an unknown file).
 */
final class ToolArguments {
    private ToolArguments() {}

    /** The problem with the arguments, or null when they fit. */
    static String check(ActionSpace.ToolSpec tool, JsonNode args) {
        if (tool.parametersSchema() == null || tool.parametersSchema().isBlank()) {
            return null;
        }
        JsonNode schema;
        try {
            schema = JsonReplies.LENIENT.readTree(tool.parametersSchema());
        } catch (Exception e) {
            return null; // the environment's schema is its own business; the gateway reports it when sent
        }
        JsonNode given = args == null || args.isNull() ? JsonReplies.LENIENT.createObjectNode() : args;
        for (JsonNode req : schema.path("required")) {
            if (!given.has(req.asText()) || given.get(req.asText()).isNull()) {
                return "tool \"" + tool.name() + "\" needs argument \"" + req.asText() + "\"";
            }
        }
        var props = schema.path("properties");
        var names = given.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode prop = props.get(name);
            if (prop == null) {
                if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    return "tool \"" + tool.name() + "\" has no argument \"" + name + "\"";
                }
                continue;
            }
            String problem = typeProblem(prop, given.get(name));
            if (problem != null) {
                return "tool \"" + tool.name() + "\" argument \"" + name + "\" " + problem;
            }
        }
        return null;
    }

    private static String typeProblem(JsonNode prop, JsonNode value) {
        if (prop.has("enum")) {
            for (JsonNode allowed : prop.get("enum")) {
                if (allowed.asText().equals(value.asText())) {
                    return null;
                }
            }
            return "must be one of " + prop.get("enum");
        }
        String type = prop.path("type").asText("");
        boolean ok = switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
        return ok ? null : "must be of type " + type;
    }
}
