package org.parley.scenarios.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.parley.models.GatewayOptions;
import org.parley.models.Gateways;
import org.parley.models.ModelSpec;
import org.parley.models.UsageRecord;
import org.parley.runtime.episode.EpisodeEvaluator;
import org.parley.scenarios.llm.JudgeEvaluator;
import org.parley.scenarios.llm.ModelOptions;
import org.parley.scenarios.model.LlmSection;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.model.ResolvedCondition;
import org.parley.scenarios.model.Scenario;

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

    /** The usage file of a run folder. */
    public static final String USAGE = "llm-usage.csv";

    /**
     * Appends this session's usage to {@code file} (the header when the file is new): one row per
     * model, role and episode, with requests, cache hits, failures, retries, tokens, summed
     * latency and cost. A resumed run appends its own rows.
     */
    public void writeUsage(Path file) throws java.io.IOException {
        var rows = new ArrayList<UsageRecord>();
        for (Gateways g : all()) {
            rows.addAll(g.usage());
        }
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(java.util.Comparator.comparing(UsageRecord::model).thenComparing(UsageRecord::episode)
                .thenComparing(UsageRecord::role));
        var sb = new StringBuilder();
        if (!java.nio.file.Files.exists(file)) {
            sb.append("model,role,episode,requests,cached,failures,retries,input_tokens,output_tokens,latency_ms,cost\n");
        }
        for (UsageRecord r : rows) {
            sb.append(r.model()).append(',').append(r.role()).append(',').append(r.episode()).append(',')
                    .append(r.requests()).append(',').append(r.cachedResponses()).append(',').append(r.failures())
                    .append(',').append(r.retries()).append(',').append(r.inputTokens()).append(',')
                    .append(r.outputTokens()).append(',').append(Math.round(r.latencyMillis())).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.6f", r.cost())).append('\n');
        }
        java.nio.file.Files.writeString(file, sb, java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    @Override
    public void close() {
        all().forEach(Gateways::close);
    }
}
