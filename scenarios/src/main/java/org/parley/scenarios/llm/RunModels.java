package org.parley.scenarios.llm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.parley.runtime.gateway.GatewayOptions;
import org.parley.runtime.gateway.Gateways;
import org.parley.runtime.gateway.ModelSpec;
import org.parley.runtime.run.EpisodeEvaluator;
import org.parley.scenarios.model.LlmSection;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.model.ResolvedCondition;
import org.parley.scenarios.model.Scenario;
import org.parley.scenarios.run.RunSetupException;

/**
 * The gateways of one run: one {@link Gateways} per distinct {@code models:} section (conditions
 * that leave the section alone share them, so a model's limits hold across the whole run), built
 * and checked before the first episode and closed when the run ends.
 */
public final class RunModels implements AutoCloseable {
    /** A run without models. */
    public static final RunModels NONE = new RunModels(Map.of(), Map.of());

    private final Map<String, Gateways> byCondition;
    private final Map<String, EpisodeEvaluator> evaluators;

    private RunModels(Map<String, Gateways> byCondition, Map<String, EpisodeEvaluator> evaluators) {
        this.byCondition = byCondition;
        this.evaluators = evaluators;
    }

    /**
     * Builds the gateways of every model the run's agents and judges use, and checks them: an
     * unknown model or a missing API key variable fails here, before any episode starts.
     *
     * @param runDir the run folder (the default record/replay cache lives inside it)
     */
    public static RunModels open(LoadedScenario scenario, ModelOptions options, Path runDir) throws RunSetupException {
        boolean any = scenario.conditions().stream().anyMatch(c -> !c.scenario().llm().isEmpty());
        if (!any) {
            return NONE;
        }
        GatewayOptions gatewayOptions = new GatewayOptions(options.environment(), options.cacheDirFor(runDir),
                options.cacheMode(), options.observer());
        var shared = new LinkedHashMap<Map<String, ModelSpec>, Gateways>();
        var byCondition = new LinkedHashMap<String, Gateways>();
        var evaluators = new LinkedHashMap<String, EpisodeEvaluator>();
        var problems = new LinkedHashSet<String>();
        try {
            for (ResolvedCondition c : scenario.conditions()) {
                Scenario s = c.scenario();
                LlmSection llm = s.llm();
                Map<String, ModelSpec> section = new LinkedHashMap<>();
                // --llm-cache overrides every model's own cache: setting
                llm.models().forEach((name, spec) -> section.put(name,
                        options.cacheMode() == null ? spec : spec.withCache(options.cacheMode())));
                Gateways gateways = shared.computeIfAbsent(section, m -> Gateways.fromSection(m, gatewayOptions));
                byCondition.put(c.name(), gateways);
                for (String problem : gateways.prepare(llm.usedModels(s.agents()))) {
                    problems.add(problem);
                }
                if (!llm.judges().isEmpty()) {
                    evaluators.put(c.name(), new JudgeEvaluator(s, gateways));
                }
            }
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        var models = new RunModels(byCondition, evaluators);
        if (!problems.isEmpty()) {
            models.close();
            throw new RunSetupException("the run's models are not ready:\n  " + String.join("\n  ", problems));
        }
        return models;
    }

    /** The gateways the agents of a condition call, or null when it has no models. */
    public Gateways gateways(String condition) {
        return byCondition.get(condition);
    }

    /** The judges of a condition as an evaluator, or null when it has none. */
    public EpisodeEvaluator evaluator(String condition) {
        return evaluators.get(condition);
    }

    /** Every distinct set of gateways, for usage reports. */
    public List<Gateways> all() {
        return new ArrayList<>(new LinkedHashSet<>(byCondition.values()));
    }

    @Override
    public void close() {
        all().forEach(Gateways::close);
    }
}
