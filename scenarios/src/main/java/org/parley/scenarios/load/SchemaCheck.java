package org.parley.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.parley.agents.mind.Suggestions;

/**
 * Validates a scenario tree against {@code schema/scenario.schema.json} (draft 2020-12) and turns
 * each violation into a {@link Problem} at the offending key or value, with a hint.
 */
public final class SchemaCheck {
    public static final String RESOURCE = "/schema/scenario.schema.json";

    private final JsonNode schemaNode;
    private final Schema schema;

    public SchemaCheck() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("scenario schema missing from the classpath: " + RESOURCE);
            }
            schemaNode = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
    }

    /** The schema as JSON, for docs and editors. */
    public JsonNode schemaNode() {
        return schemaNode;
    }

    public void check(LocatedTree tree, Problems problems) {
        for (Error error : schema.validate(tree.root())) {
            problems.add(toProblem(error, tree));
        }
    }

    private Problem toProblem(Error error, LocatedTree tree) {
        String pointer = pointer(error.getInstanceLocation());
        String path = Paths.display(pointer, tree.root());
        Locations loc = tree.locations();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        JsonNode instance = error.getInstanceNode();
        switch (keyword) {
            case "additionalProperties" -> {
                String property = error.getProperty();
                List<String> allowed = allowedProperties(error);
                String child = pointer + Locations.segment(property);
                String where = path.isEmpty() ? "at the top level" : "in " + path;
                return new Problem(loc.key(child), "unknown key '" + property + "' " + where,
                        Suggestions.hint(property, allowed, "allowed keys"));
            }
            case "required" -> {
                String property = error.getProperty();
                String where = path.isEmpty() ? "at the top level" : "in " + path;
                return new Problem(loc.key(pointer), "missing required key '" + property + "' " + where,
                        "add '" + property + ": …'");
            }
            case "type" -> {
                JsonNode expected = error.getSchemaNode();
                return new Problem(loc.value(pointer), path + ": expected " + typeText(expected) + ", found "
                        + describe(instance), "write " + typeText(expected) + " here");
            }
            case "enum" -> {
                List<String> allowed = new ArrayList<>();
                error.getSchemaNode().forEach(n -> allowed.add(n.asText()));
                String given = instance == null ? "" : instance.asText();
                return new Problem(loc.value(pointer), path + ": '" + given + "' is not allowed",
                        Suggestions.hint(given, allowed, "expected one of"));
            }
            case "pattern" -> {
                String pattern = error.getSchemaNode().asText();
                String hint = pattern.contains("ms|s|m|h") ? Durations.HINT
                        : pattern.contains("EI") ? "a four-letter MBTI type such as INTJ"
                        : "use letters, digits, '.', '_' and '-', starting with a letter or digit";
                return new Problem(loc.value(pointer), path + ": '" + (instance == null ? "" : instance.asText())
                        + "' is not valid", hint);
            }
            default -> {
            }
        }
        String message = error.getMessage();
        return new Problem(loc.value(pointer), (path.isEmpty() ? "" : path + ": ") + stripPath(message), null);
    }

    /** Property names the schema allows where an additionalProperties violation happened. */
    private List<String> allowedProperties(Error error) {
        List<String> names = new ArrayList<>();
        String fragment = error.getSchemaLocation().getFragment().toString();
        // The fragment points at .../additionalProperties; its parent holds "properties".
        String parent = fragment.startsWith("#") ? fragment.substring(1) : fragment;
        int slash = parent.lastIndexOf('/');
        parent = slash < 0 ? "" : parent.substring(0, slash);
        JsonNode props = schemaNode.at(parent).path("properties");
        props.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String pointer(NodePath path) {
        var sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append(element instanceof Integer n ? "/" + n : Locations.segment(String.valueOf(element)));
        }
        return sb.toString();
    }

    private static String typeText(JsonNode expected) {
        if (expected == null) {
            return "another type";
        }
        if (expected.isArray()) {
            List<String> names = new ArrayList<>();
            expected.forEach(n -> names.add(typeName(n.asText())));
            return String.join(" or ", names);
        }
        return typeName(expected.asText());
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "string" -> "a text";
            default -> jsonType;
        };
    }

    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing (null)";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isIntegralNumber()) {
            return "the whole number " + node.asText();
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        return "the text '" + node.asText() + "'";
    }

    private static String stripPath(String message) {
        if (message != null && message.startsWith("$") && message.contains(": ")) {
            return message.substring(message.indexOf(": ") + 2);
        }
        return message;
    }
}
