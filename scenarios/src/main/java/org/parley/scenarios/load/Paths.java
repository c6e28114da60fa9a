package org.parley.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns JSON pointers into the dotted paths users write ({@code agents.seller.mind.kind}). */
public final class Paths {
    private Paths() {}

    public static String display(String pointer, JsonNode root) {
        if (pointer.isEmpty()) {
            return "";
        }
        String[] parts = pointer.substring(1).split("/", -1);
        var sb = new StringBuilder();
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].replace("~1", "/").replace("~0", "~");
            boolean index = node != null && node.isArray() && part.matches("\\d+");
            JsonNode child = node == null ? null : index ? node.get(Integer.parseInt(part)) : node.get(part);
            if (index) {
                // agents are addressed by id, as in overrides; other lists by position.
                boolean agent = i == 1 && "agents".equals(parts[0]) && child != null && child.path("id").isTextual();
                if (agent) {
                    sb.append('.').append(child.path("id").asText());
                } else {
                    sb.append('[').append(part).append(']');
                }
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(part);
            }
            node = child;
        }
        return sb.toString();
    }
}
