package org.parley.scenarios.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.parley.environments.judge.JudgeSpec;
import org.parley.models.ModelSpec;

/**
 * The {@code models:} and {@code judges:} sections of a scenario, bound for one condition.
 *
 * @param models      named models in declared order (names from the keys)
 * @param judges      judges run at the end of every completed episode, in declared order
 * @param scenarioDir the scenario file's folder (rubric paths are relative to it)
 */
public record LlmSection(Map<String, ModelSpec> models, List<JudgeSpec> judges, Path scenarioDir) {

    public static final LlmSection NONE = new LlmSection(Map.of(), List.of(), null);

    public LlmSection {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        judges = List.copyOf(judges);
    }

    public boolean isEmpty() {
        return models.isEmpty() && judges.isEmpty();
    }

    /** Models a run of these agents and judges calls: agents' (with swaps) first, then judges'. */
    public List<String> usedModels(List<AgentSpec> agents) {
        var used = new LinkedHashSet<String>();
        for (AgentSpec a : agents) {
            used.addAll(a.mind().prepared().models());
        }
        judges.forEach(j -> used.add(j.model()));
        return new ArrayList<>(used);
    }
}
