package org.parley.scenarios.load;

import org.parley.scenarios.model.SourceLocation;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads YAML into a Jackson tree while remembering where every key and value was written, and
 * interpolates {@code ${ENV}} references in string values. Syntax errors, duplicate keys and
 * missing variables become {@link Problem}s with file, line and column.
 */
public final class YamlReader {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Interpolation interpolation;
    /** Anchored nodes of the document being read ({@code &defaults}), for aliases ({@code *defaults}). */
    private final java.util.Map<String, JsonNode> anchors = new HashMap<>();

    public YamlReader(Interpolation interpolation) {
        this.interpolation = interpolation;
    }

    /** The document's tree, or null when it cannot be parsed (the problem is recorded). */
    public LocatedTree read(String source, String text, Problems problems) {
        var locations = new Locations();
        var secrets = new LinkedHashSet<String>();
        anchors.clear();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new SourceLocation(source, 1, 1), "the file is empty", "a scenario starts with 'scenario: <name>'");
                return null;
            }
            SourceLocation rootAt = at(source, p.currentTokenLocation());
            JsonNode root = readValue(p, source, "", null, locations, secrets, problems);
            locations.put("", rootAt, rootAt);
            return new LocatedTree(root, locations, secrets);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            SourceLocation where = loc == null ? new SourceLocation(source, 1, 1) : at(source, loc);
            problems.add(where, "YAML syntax error: " + firstLine(e.getOriginalMessage()),
                    "check indentation, a missing ':' or an unclosed quote or bracket near this place");
            return null;
        } catch (IOException e) {
            problems.add(SourceLocation.of(source), "cannot read: " + e.getMessage(), null);
            return null;
        }
    }

    private JsonNode readValue(JsonParser p, String source, String pointer, String key, Locations locations,
            Set<String> secrets, Problems problems) throws IOException {
        JsonToken t = p.currentToken();
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            JsonNode target = anchors.get(p.getText());
            if (target == null) {
                problems.add(at(source, p.currentTokenLocation()), "alias '*" + p.getText() + "' has no anchor",
                        "define '&" + p.getText() + "' on a value above this place");
                return NODES.nullNode();
            }
            return target.deepCopy();
        }
        String anchor = p instanceof YAMLParser yaml ? yaml.getCurrentAnchor() : null;
        JsonNode node = readPlain(t, p, source, pointer, key, locations, secrets, problems);
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private JsonNode readPlain(JsonToken t, JsonParser p, String source, String pointer, String key,
            Locations locations, Set<String> secrets, Problems problems) throws IOException {
        return switch (t) {
            case START_OBJECT -> readObject(p, source, pointer, locations, secrets, problems);
            case START_ARRAY -> readArray(p, source, pointer, locations, secrets, problems);
            case VALUE_STRING -> {
                var r = interpolation.apply(p.getText());
                if (r.error() != null) {
                    problems.add(at(source, p.currentTokenLocation()), r.error(),
                            "export it, or write ${NAME:-default} to give a default");
                }
                if (r.usedVariable() && (r.secretVariable() || (key != null && Interpolation.looksSecret(key)))) {
                    secrets.add(pointer);
                }
                yield NODES.textNode(r.value());
            }
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonProcessingException("unexpected " + t, p.currentTokenLocation()) {};
        };
    }

    private ObjectNode readObject(JsonParser p, String source, String pointer, Locations locations,
            Set<String> secrets, Problems problems) throws IOException {
        ObjectNode node = NODES.objectNode();
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            SourceLocation keyAt = at(source, p.currentTokenLocation());
            String child = pointer + Locations.segment(name);
            if (!seen.add(name)) {
                problems.add(keyAt, "duplicate key '" + name + "'", "remove one of the two");
            }
            p.nextToken();
            SourceLocation valueAt = at(source, p.currentTokenLocation());
            JsonNode value = readValue(p, source, child, name, locations, secrets, problems);
            if ("<<".equals(name) && value.isObject()) {
                // YAML merge key: the anchored mapping's entries, unless this mapping sets them itself
                seen.remove(name);
                value.properties().forEach(e -> {
                    if (!node.has(e.getKey())) {
                        node.set(e.getKey(), e.getValue().deepCopy());
                        locations.put(pointer + Locations.segment(e.getKey()), keyAt, valueAt);
                    }
                });
                continue;
            }
            locations.put(child, keyAt, valueAt);
            node.set(name, value);
        }
        return node;
    }

    private ArrayNode readArray(JsonParser p, String source, String pointer, Locations locations,
            Set<String> secrets, Problems problems) throws IOException {
        ArrayNode node = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String child = pointer + "/" + i;
            SourceLocation at = at(source, p.currentTokenLocation());
            node.add(readValue(p, source, child, null, locations, secrets, problems));
            locations.put(child, at, at);
            i++;
        }
        return node;
    }

    static SourceLocation at(String source, JsonLocation loc) {
        return new SourceLocation(source, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed YAML";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
