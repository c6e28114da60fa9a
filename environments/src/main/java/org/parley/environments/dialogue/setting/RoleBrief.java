package org.parley.environments.dialogue.setting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one role of a dialogue knows privately and what it is after.
 *
 * @param goal       the private goal in words (shown to its own agent only; others see "unknown")
 * @param secrets    things this role must not reveal; disclosing one costs secret score
 * @param publicInfo what everyone knows about this role in this scenario ("listed the bike online")
 * @param objective  the structured goal that scoring and rule-based minds use; small talk when absent
 */
public record RoleBrief(
        String goal,
        List<String> secrets,
        @JsonProperty("public-info") String publicInfo,
        Objective objective) {

    public RoleBrief {
        goal = goal == null ? "" : goal;
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        objective = objective == null ? new Objective.SmallTalk(List.of(), null) : objective;
    }
}
