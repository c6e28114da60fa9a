package org.parley.environments.codebase.git;

import java.util.List;
import java.util.Map;

/**
 * What the merge oracle found.
 *
 * @param status          {@code clean} (plain 3-way merge succeeded), {@code conflicts} (it did not), or
 *                        {@code missing} (some submission carried no change outside tests)
 * @param conflictPaths   files the plain merge could not merge, sorted
 * @param unionResolved   whether the union retry produced a tree (true when status is clean too)
 * @param merged          the tree the hidden tests ran on (union result after conflicts)
 * @param featurePassed   per feature id, whether all its hidden tests passed on {@code merged}
 * @param strippedTestEdits how many submissions had test-file edits removed
 */
public record MergeReport(
        String status, List<String> conflictPaths, boolean unionResolved, Map<String, String> merged,
        Map<String, Boolean> featurePassed, int strippedTestEdits) {

    public static final String CLEAN = "clean";
    public static final String CONFLICTS = "conflicts";
    public static final String MISSING = "missing";

    public boolean success() {
        return !featurePassed.isEmpty() && featurePassed.values().stream().allMatch(b -> b);
    }

    public boolean conflict() {
        return !conflictPaths.isEmpty();
    }
}
