package org.parley.runtime.run;

import java.time.Duration;

/**
 * When the runtime ends an episode by itself.
 *
 * @param maxTurns       turn cap (a round of a simultaneous protocol is one turn)
 * @param staleTurns     end after this many consecutive turns in which nobody did anything
 *                       (action kind {@code none}); 0 disables
 * @param endOnLeave     end as soon as any agent leaves
 * @param episodeTimeout wall-clock cap for the whole episode (a safety net for stuck minds)
 * @param actionTimeout  how long one mind may take to decide before its turn counts as failed
 */
public record Limits(int maxTurns, int staleTurns, boolean endOnLeave, Duration episodeTimeout, Duration actionTimeout) {

    public Limits {
        if (maxTurns <= 0) {
            throw new IllegalArgumentException("maxTurns must be positive, was " + maxTurns);
        }
        if (staleTurns < 0) {
            throw new IllegalArgumentException("staleTurns must be >= 0, was " + staleTurns);
        }
    }

    public static Limits defaults() {
        return new Limits(40, 4, true, Duration.ofMinutes(30), Duration.ofMinutes(2));
    }
}
