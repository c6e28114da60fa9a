package org.parley.environments.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.function.Function;
import org.parley.models.ModelGateway;

/**
 * One entry of a scenario's {@code judges:} list:
 * <pre>
 * judges:
 *   - { rubric: sotopia-7, model: gpt }                 # built-in rubric
 *   - { rubric: rubrics/alliance.yaml, model: claude, max-repairs: 1, temperature: 0 }
 * </pre>
 *
 * @param rubric      a built-in rubric name or a YAML path relative to the scenario file
 * @param model       the model (a name under {@code models:}) that judges
 * @param maxRepairs  re-asks after an unusable evaluation (default 2)
 * @param temperature sampling temperature (default 0)
 * @param prompt      replacement prompt template text, or null
 */
public record JudgeSpec(String rubric, String model, @JsonProperty("max-repairs") Integer maxRepairs,
                        Double temperature, String prompt) {

    public JudgeSpec {
        if (rubric == null || rubric.isBlank()) {
            throw new IllegalArgumentException("judges[].rubric is required: sotopia-7 or the path of a rubric YAML file");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("judges[].model is required: name one of the models: entries");
        }
    }

    /** Builds the judge; {@code scenarioDir} resolves relative rubric paths. */
    public Judge toJudge(Function<String, ? extends ModelGateway> models, Path scenarioDir) {
        var settings = new JudgeSettings(maxRepairs == null ? JudgeSettings.DEFAULT.maxRepairs() : maxRepairs, null,
                temperature == null ? JudgeSettings.DEFAULT.temperature() : temperature, null);
        if (prompt != null) {
            settings = settings.withPromptText(prompt);
        }
        return new Judge(Rubrics.resolve(rubric, scenarioDir), models.apply(model), settings);
    }
}
