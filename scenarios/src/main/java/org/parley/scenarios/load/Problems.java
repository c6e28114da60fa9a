package org.parley.scenarios.load;

import org.parley.scenarios.model.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects problems while a scenario is checked. The same mistake found again while checking each
 * condition is reported once.
 */
public final class Problems {
    private final Set<Problem> problems = new LinkedHashSet<>();

    public void add(SourceLocation where, String message, String hint) {
        problems.add(new Problem(where, message, hint));
    }

    public void add(Problem problem) {
        problems.add(problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    /** Sorted by file and position, so output reads top to bottom. */
    public List<Problem> sorted() {
        var list = new ArrayList<>(problems);
        list.sort(null);
        return list;
    }

    public void throwIfAny() throws ScenarioException {
        if (!problems.isEmpty()) {
            throw new ScenarioException(sorted());
        }
    }
}
