package org.parley.scenarios.load;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be run, with every problem found (not just the first). */
public final class ScenarioException extends Exception {
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
