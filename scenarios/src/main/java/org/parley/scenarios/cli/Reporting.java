package org.parley.scenarios.cli;

import java.io.PrintWriter;
import org.parley.scenarios.load.Problem;
import org.parley.scenarios.load.ScenarioException;

/** How commands print scenario problems: one {@code file:line:column: message (hint)} per line. */
final class Reporting {
    private Reporting() {}

    static int problems(PrintWriter err, ScenarioException e) {
        for (Problem p : e.problems()) {
            err.println(p);
        }
        int n = e.problems().size();
        err.println(n + (n == 1 ? " problem" : " problems") + " found");
        err.flush();
        return ExitCodes.INVALID_INPUT;
    }
}
