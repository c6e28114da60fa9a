package org.parley.runtime.run;

import java.time.Duration;

/** Totals of a finished run. Counts only: a run may have a million episodes. */
public record RunReport(String runId, int planned, int completed, int failed, long actions, Duration wallTime) {

    public boolean allCompleted() {
        return completed == planned && failed == 0;
    }
}
