package org.parley.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A YAML document as a Jackson tree plus the position of every node, and the pointers of values
 * that came from environment variables that look like secrets (redacted in the manifest).
 */
public record LocatedTree(JsonNode root, Locations locations, Set<String> secretPointers) {

    public LocatedTree {
        secretPointers = new LinkedHashSet<>(secretPointers);
    }

    public LocatedTree copy() {
        return new LocatedTree(root.deepCopy(), locations.copy(), secretPointers);
    }
}
