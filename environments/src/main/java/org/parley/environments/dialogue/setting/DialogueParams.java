package org.parley.environments.dialogue.setting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of a {@code dialogue} episode, bound from a scenario's {@code environment.params}.
 *
 * <p>Roles are a map from role name to its brief rather than a list, so a condition can override
 * one role's field by a dotted path such as {@code environment.params.roles.seller.objective.reservation}.
 *
 * @param scenario          the situation in words, shown to everyone
 * @param relationship      how the parties know each other (default strangers)
 * @param roles             role name to its private brief, in declared order
 * @param maxRounds         the environment's own cap: rounds in which every party acts once (default 20)
 * @param goodbyeAfterRound a goodbye ends the episode once this many rounds have passed (default 3);
 *                          after a deal or an answered favour a goodbye ends it at once
 */
public record DialogueParams(
        String scenario,
        Relationship relationship,
        Map<String, RoleBrief> roles,
        @JsonProperty("max-rounds") Integer maxRounds,
        @JsonProperty("goodbye-after-round") Integer goodbyeAfterRound) {

    public static final int DEFAULT_MAX_ROUNDS = 20;
    public static final int DEFAULT_GOODBYE_AFTER_ROUND = 3;

    public DialogueParams {
        relationship = relationship == null ? Relationship.STRANGERS : relationship;
        roles = roles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        maxRounds = maxRounds == null ? DEFAULT_MAX_ROUNDS : maxRounds;
        goodbyeAfterRound = goodbyeAfterRound == null ? DEFAULT_GOODBYE_AFTER_ROUND : goodbyeAfterRound;
    }

    /** The brief of {@code role}, or a clear error naming the roles that exist. */
    public RoleBrief role(String role) {
        RoleBrief brief = roles.get(role);
        if (brief == null) {
            throw new IllegalArgumentException("dialogue has no role '" + role + "'; roles are " + roles.keySet()
                    + " (declare it under environment.params.roles)");
        }
        return brief;
    }

    /** Everything wrong with these parameters, as {@code "field: problem; fix"}. */
    public List<String> problems() {
        var out = new ArrayList<String>();
        if (scenario == null || scenario.isBlank()) {
            out.add("scenario: missing; describe the situation in a sentence or two");
        }
        if (roles.isEmpty()) {
            out.add("roles: none declared; add at least two, e.g. roles: { buyer: {...}, seller: {...} }");
        }
        if (maxRounds < 1 || maxRounds > 10_000) {
            out.add("max-rounds: must be between 1 and 10000, was " + maxRounds);
        }
        if (goodbyeAfterRound < 0) {
            out.add("goodbye-after-round: must be >= 0, was " + goodbyeAfterRound);
        }
        roles.forEach((name, brief) -> {
            if (brief == null) {
                out.add("roles." + name + ": empty; give it at least a goal");
                return;
            }
            out.addAll(brief.objective().problems("roles." + name + ".objective"));
        });
        long sellers = countSide(Objective.Side.SELLER);
        long buyers = countSide(Objective.Side.BUYER);
        if ((sellers > 0 || buyers > 0) && (sellers == 0 || buyers == 0)) {
            out.add("roles: a negotiation needs a buyer and a seller, found " + buyers + " buyer(s) and " + sellers
                    + " seller(s); give the other role objective { type: negotiate, side: ... }");
        }
        return out;
    }

    private long countSide(Objective.Side side) {
        return roles.values().stream()
                .filter(b -> b != null && b.objective() instanceof Objective.Negotiate n && n.side() == side)
                .count();
    }
}
