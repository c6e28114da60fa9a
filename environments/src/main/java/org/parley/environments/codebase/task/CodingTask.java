package org.parley.environments.codebase.task;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A task: a base tree (sources plus visible tests) and k features, with how their gold changes
 * overlap pairwise.
 *
 * @param codebase the bundled codebase it was generated from
 * @param base     path to content of the base commit
 * @param features in assignment order
 * @param overlaps per unordered pair "f1/f2", the overlap of their gold changes
 */
public record CodingTask(String codebase, Map<String, String> base, List<Feature> features, Map<String, Overlap> overlaps) {

    public CodingTask {
        base = Collections.unmodifiableMap(new TreeMap<>(base));
        features = List.copyOf(features);
        overlaps = Collections.unmodifiableMap(new TreeMap<>(overlaps));
    }

    /** The strongest overlap of any pair. */
    public Overlap maxOverlap() {
        return overlaps.values().stream().max(Enum::compareTo).orElse(Overlap.NONE);
    }

    public Feature feature(String id) {
        return features.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feature " + id));
    }

    /** How two gold changes overlap. */
    public enum Overlap {
        /** Different files. */
        NONE,
        /** Same file, different functions. */
        SAME_FILE,
        /** Same function, or both appended at the end of one file: the same lines. */
        SAME_LINES;

        public String label() {
            return name().toLowerCase().replace('_', '-');
        }

        public static Overlap of(FeatureChange a, FeatureChange b) {
            if (!a.file().equals(b.file())) return NONE;
            if (a.function().equals(b.function())) return SAME_LINES;
            if (a instanceof FeatureChange.AddFunction && b instanceof FeatureChange.AddFunction) return SAME_LINES;
            return SAME_FILE;
        }
    }
}
