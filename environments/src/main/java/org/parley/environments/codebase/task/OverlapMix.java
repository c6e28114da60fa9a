package org.parley.environments.codebase.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How likely each new feature's gold change overlaps an earlier feature's: different files, the
 * same file, or the same lines. Weights need not sum to one.
 */
public record OverlapMix(
        @JsonProperty("none") double none,
        @JsonProperty("same-file") double sameFile,
        @JsonProperty("same-lines") double sameLines) {

    public static final OverlapMix DEFAULT = new OverlapMix(0.3, 0.35, 0.35);

    public OverlapMix {
        if (none < 0 || sameFile < 0 || sameLines < 0 || none + sameFile + sameLines <= 0) {
            throw new IllegalArgumentException("overlap weights must be >= 0 and not all 0, were "
                    + none + ", " + sameFile + ", " + sameLines);
        }
    }

    CodingTask.Overlap draw(double u) {
        double x = u * (none + sameFile + sameLines);
        if (x < none) return CodingTask.Overlap.NONE;
        if (x < none + sameFile) return CodingTask.Overlap.SAME_FILE;
        return CodingTask.Overlap.SAME_LINES;
    }
}
