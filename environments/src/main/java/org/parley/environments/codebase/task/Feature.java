package org.parley.environments.codebase.task;

import java.util.List;
import org.parley.environments.codebase.lang.TestCase;

/**
 * One feature of a task: what to build, the gold change, the hidden tests that judge it and the
 * visible subset that ships in the repository as {@code tests/<id>.test}.
 */
public record Feature(String id, FeatureChange change, List<TestCase> hiddenTests, List<TestCase> visibleTests) {

    public Feature {
        hiddenTests = List.copyOf(hiddenTests);
        visibleTests = List.copyOf(visibleTests);
    }

    public String description() {
        return change.describe();
    }

    public String testPath() {
        return "tests/" + id + ".test";
    }
}
