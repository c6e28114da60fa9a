package org.parley.runtime.kernel;

import java.time.Duration;

/** Timeouts as scenario files give them: null, zero or negative mean "never". */
final class Timeouts {
    private Timeouts() {}

    static boolean isSet(Duration d) {
        return d != null && !d.isZero() && !d.isNegative();
    }
}
