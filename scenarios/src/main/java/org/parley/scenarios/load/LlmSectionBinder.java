package org.parley.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.parley.agents.mind.Suggestions;
import org.parley.environments.judge.JudgeSpec;
import org.parley.environments.judge.Rubrics;
import org.parley.models.ModelSpec;
import org.parley.scenarios.model.LlmSection;

/**
 * Binds the {@code models:} section to {@link ModelSpec}s and {@code judges:} to {@link JudgeSpec}s,
 * reporting every problem at its key or value. API keys are only ever named ({@code api-key-env}).
 */
final class LlmSectionBinder {
    private LlmSectionBinder() {}

    static LlmSection bind(LocatedTree tree, Path scenarioDir, Problems problems) {
        JsonNode root = tree.root();
        Locations loc = tree.locations();
        var models = new LinkedHashMap<String, ModelSpec>();
        JsonNode section = root.path("models");
        if (section.isObject()) {
            List<String> names = new ArrayList<>();
            section.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String pointer = "/models" + Locations.segment(name);
                JsonNode entry = section.get(name);
                if (!entry.isObject()) {
                    problems.add(loc.value(pointer), "models." + name + ": expected a mapping",
                            "write " + name + ": { provider: openai, model: gpt-4o-mini }");
                    continue;
                }
                if (entry.has("api-key") || entry.has("key")) {
                    String key = entry.has("api-key") ? "api-key" : "key";
                    problems.add(loc.key(pointer + Locations.segment(key)), "models." + name
                            + ": API keys may not be written in scenario files",
                            "name the environment variable that holds it instead: api-key-env: OPENAI_API_KEY");
                    continue;
                }
                if (entry.has("name")) {
                    problems.add(loc.key(pointer + "/name"), "models." + name + ": 'name' comes from the key",
                            "remove name:; agents refer to this model as " + name);
                    continue;
                }
                ModelSpec spec = Binding.bind(entry, ModelSpec.class, pointer, tree, problems);
                if (spec != null) {
                    models.put(name, spec.withName(name));
                }
            }
        }
        var judges = new ArrayList<JudgeSpec>();
        JsonNode list = root.path("judges");
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            String pointer = "/judges/" + i;
            JudgeSpec judge = Binding.bind(list.get(i), JudgeSpec.class, pointer, tree, problems);
            if (judge == null) {
                continue;
            }
            boolean ok = true;
            if (!section.path(judge.model()).isObject()) {
                List<String> names = new ArrayList<>();
                section.fieldNames().forEachRemaining(names::add);
                problems.add(loc.value(pointer + "/model"), "judge model '" + judge.model() + "' is not defined under models:",
                        names.isEmpty() ? "add a models: section" : Suggestions.hint(judge.model(), names, "models"));
                ok = false;
            }
            try {
                Rubrics.resolve(judge.rubric(), scenarioDir);
            } catch (RuntimeException e) {
                problems.add(loc.value(pointer + "/rubric"), e.getMessage(),
                        "name a built-in rubric or give a rubric YAML path relative to the scenario file");
                ok = false;
            }
            if (ok) {
                judges.add(judge);
            }
        }
        if (models.isEmpty() && judges.isEmpty()) {
            return LlmSection.NONE;
        }
        return new LlmSection(models, judges, scenarioDir);
    }
}
