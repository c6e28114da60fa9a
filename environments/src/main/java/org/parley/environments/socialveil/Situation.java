package org.parley.environments.socialveil;

import java.util.List;
import org.parley.environments.barrier.InfoUnit;

/**
 * A base situation of the socialveil family: a Sotopia-style scenario with a private goal for each
 * agent and the information units each must get across for both goals to be reachable.
 *
 * @param id           stable id ("negotiation-03")
 * @param category     negotiation, favour, conflict or planning
 * @param scenario     the shared scenario text both agents see
 * @param relationship how the two know each other
 * @param goalA        agent A's private goal
 * @param goalB        agent B's private goal
 * @param unitsA       what A must convey (B must learn)
 * @param unitsB       what B must convey (A must learn)
 */
public record Situation(
        String id, String category, String scenario, String relationship, String goalA, String goalB,
        List<InfoUnit> unitsA, List<InfoUnit> unitsB) {

    public Situation {
        unitsA = List.copyOf(unitsA);
        unitsB = List.copyOf(unitsB);
    }
}
