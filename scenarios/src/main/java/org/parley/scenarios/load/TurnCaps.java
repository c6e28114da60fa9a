package org.parley.scenarios.load;

import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.Limits;
import org.parley.scenarios.model.BoundEnvironment;

/**
 * One cap per idea. An environment whose rules end a setting after so many rounds (dialogue's
 * {@code max-rounds}) owns the setting's length, and its episodes end with its own reason;
 * {@code limits.max-turns} is the runtime's safety net for settings that would otherwise run on.
 * A {@code max-turns} that ends episodes before the round cap can is a mistake: the setting's length
 * silently becomes the runtime's, and results read "max-turns" where the rules say "max-rounds".
 */
final class TurnCaps {
    private TurnCaps() {}

    /**
     * Reports a {@code max-turns} below the turns the environment's round cap takes: a round is one
     * turn of the {@code simultaneous} protocol, and one turn per agent under every other protocol.
     */
    static void check(LocatedTree tree, BoundEnvironment environment, TurnProtocol protocol, Limits limits,
            Problems problems) {
        if (environment == null || protocol == null) {
            return;
        }
        var cap = environment.roundCap().orElse(null);
        int agents = tree.root().path("agents").size();
        if (cap == null || agents == 0) {
            return;
        }
        boolean simultaneous = protocol instanceof TurnProtocol.Simultaneous;
        long needed = simultaneous ? cap.rounds() : (long) cap.rounds() * agents;
        if (limits.maxTurns() >= needed) {
            return;
        }
        boolean written = !tree.root().at("/limits/max-turns").isMissingNode();
        problems.add(tree.locations().value(written ? "/limits/max-turns" : "/environment/params"),
                "limits.max-turns" + (written ? "" : " (default " + limits.maxTurns() + ")") + ": "
                        + limits.maxTurns() + " turns would end episodes before the " + environment.name()
                        + " setting plays its " + cap.rounds() + " rounds (environment.params: " + cap.setBy()
                        + "), which take " + needed + " turns"
                        + (simultaneous ? " of the simultaneous protocol" : " with " + agents + " agents"),
                "max-turns is the runtime's safety net: raise it to at least " + needed
                        + "; to shorten the setting, lower " + cap.setBy() + " in environment.params instead");
    }
}
