package org.parley.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.parley.runtime.environment.ActionSpace;

/**
 * Turns an environment's tool (JSON Schema text) into a LangChain4j {@link ToolSpecification}, the
 * form every provider adapter knows how to send. Supports the schema subset tools use: objects with
 * properties and required lists, strings (with enum), integers, numbers, booleans and arrays.
 */
public final class ToolSchemas {
    private static final JsonMapper JSON = new JsonMapper();

    private ToolSchemas() {}

    public static ToolSpecification toSpecification(ActionSpace.ToolSpec tool) {
        var builder = ToolSpecification.builder().name(tool.name());
        if (tool.description() != null && !tool.description().isBlank()) {
            builder.description(tool.description());
        }
        String schema = tool.parametersSchema();
        if (schema != null && !schema.isBlank()) {
            JsonNode node;
            try {
                node = JSON.readTree(schema);
            } catch (Exception e) {
                throw new IllegalArgumentException("tool '" + tool.name() + "': parameters schema is not JSON: "
                        + e.getMessage());
            }
            if (!(element(tool.name(), node) instanceof JsonObjectSchema object)) {
                throw new IllegalArgumentException("tool '" + tool.name()
                        + "': parameters schema must be of type object");
            }
            builder.parameters(object);
        }
        return builder.build();
    }

    public static List<ToolSpecification> toSpecifications(List<ActionSpace.ToolSpec> tools) {
        return tools.stream().map(ToolSchemas::toSpecification).toList();
    }

    private static JsonSchemaElement element(String where, JsonNode node) {
        String description = node.path("description").isTextual() ? node.get("description").asText() : null;
        if (node.has("enum")) {
            var values = new ArrayList<String>();
            node.get("enum").forEach(v -> values.add(v.asText()));
            return JsonEnumSchema.builder().enumValues(values).description(description).build();
        }
        String type = node.path("type").asText("object");
        return switch (type) {
            case "object" -> {
                var b = JsonObjectSchema.builder().description(description);
                var props = new LinkedHashMap<String, JsonSchemaElement>();
                node.path("properties").properties()
                        .forEach(e -> props.put(e.getKey(), element(where + "." + e.getKey(), e.getValue())));
                b.addProperties(props);
                var required = new ArrayList<String>();
                node.path("required").forEach(r -> required.add(r.asText()));
                if (!required.isEmpty()) {
                    b.required(required);
                }
                if (node.has("additionalProperties") && node.get("additionalProperties").isBoolean()) {
                    b.additionalProperties(node.get("additionalProperties").asBoolean());
                }
                yield b.build();
            }
            case "string" -> JsonStringSchema.builder().description(description).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            case "array" -> JsonArraySchema.builder().description(description)
                    .items(node.has("items") ? element(where + "[]", node.get("items"))
                            : JsonStringSchema.builder().build())
                    .build();
            default -> throw new IllegalArgumentException("tool schema " + where + ": unsupported type '" + type
                    + "'; use object, string, integer, number, boolean or array");
        };
    }
}
