package org.parley.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.parley.agents.mind.Suggestions;
import org.parley.scenarios.model.ValueOverride;

/**
 * Applies dotted overrides to a scenario tree. {@code agents.<id>} addresses the agent with that
 * id; other lists take a 0-based index. Missing mappings on the way are created, so a parameter
 * the base leaves at its default can be set; keys the format does not know are then reported by
 * the schema check at the override's own position.
 */
public final class Overrides {
    private Overrides() {}

    /** Applies one override; returns false (and reports why) when the path cannot be followed. */
    public static boolean apply(LocatedTree tree, ValueOverride override, Problems problems) {
        String[] parts = override.path().split("\\.", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                problems.add(override.where(), "override path '" + override.path() + "' has an empty segment",
                        "write a dotted path such as limits.max-turns");
                return false;
            }
        }
        JsonNode node = tree.root();
        String pointer = "";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (node instanceof ObjectNode object) {
                if (last) {
                    object.set(part, override.value().deepCopy());
                    pointer += Locations.segment(part);
                    break;
                }
                JsonNode child = object.get(part);
                if (child == null || child.isNull()) {
                    child = object.putObject(part);
                    if ("mind".equals(part) && pointer.matches("/agents/\\d+")) {
                        // an agent without a mind block has the default rule-based mind; keep it
                        ((ObjectNode) child).put("kind", "rule-based");
                    }
                }
                node = child;
                pointer += Locations.segment(part);
            } else if (node instanceof ArrayNode array) {
                int index = indexOf(array, part, pointer, override, problems);
                if (index < 0) {
                    return false;
                }
                pointer += "/" + index;
                if (last) {
                    array.set(index, override.value().deepCopy());
                    break;
                }
                node = array.get(index);
            } else {
                String upTo = String.join(".", java.util.Arrays.copyOf(parts, i));
                problems.add(override.where(), "override path '" + override.path() + "': '" + upTo
                        + "' is a single value, not a mapping", "override '" + upTo + "' itself");
                return false;
            }
        }
        tree.locations().replaceSubtree(pointer, override.where());
        String p = pointer;
        tree.secretPointers().removeIf(s -> s.equals(p) || s.startsWith(p + "/"));
        return true;
    }

    private static int indexOf(ArrayNode array, String part, String pointer, ValueOverride override, Problems problems) {
        if ("/agents".equals(pointer)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String id = array.get(i).path("id").asText();
                if (id.equals(part)) {
                    return i;
                }
                ids.add(id);
            }
            problems.add(override.where(), "override path '" + override.path() + "': no agent with id '" + part + "'",
                    Suggestions.hint(part, ids, "agents"));
            return -1;
        }
        if (part.matches("\\d+") && Integer.parseInt(part) < array.size()) {
            return Integer.parseInt(part);
        }
        problems.add(override.where(), "override path '" + override.path() + "': '" + part
                + "' is not an index of a list of " + array.size(), "use 0 to " + (array.size() - 1));
        return -1;
    }
}
