package org.parley.environments.judge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.parley.agents.llm.JsonReplies;
import org.parley.agents.llm.PromptTemplate;
import org.parley.agents.persona.Persona;
import org.parley.models.ModelCall;
import org.parley.models.ModelGateway;
import org.parley.models.PromptMessage;
import org.parley.runtime.seed.Seeds;

/**
 * An LLM judge: shows a model the episode and a rubric, and reads back a score per agent per
 * dimension. Scores outside a dimension's scale are clamped (and noted); missing or non-numeric
 * scores and answers without JSON are re-asked with the list of problems, a bounded number of
 * times. A judge never fails its stage: a verdict it could not complete says why in
 * {@link Verdict#failure()} and carries the scores it did get.
 */
public final class Judge {
    private final Rubric rubric;
    private final ModelGateway gateway;
    private final JudgeSettings settings;
    private final PromptTemplate prompt;

    public Judge(Rubric rubric, ModelGateway gateway) {
        this(rubric, gateway, JudgeSettings.DEFAULT);
    }

    public Judge(Rubric rubric, ModelGateway gateway, JudgeSettings settings) {
        this.rubric = rubric;
        this.gateway = gateway;
        this.settings = settings;
        this.prompt = settings.prompt() != null ? settings.prompt() : bundledPrompt();
    }

    public Rubric rubric() {
        return rubric;
    }

    /** Scores one episode; completes on a gateway thread. */
    public CompletionStage<Verdict> evaluate(JudgeInput input) {
        var messages = List.of(PromptMessage.user(render(input)));
        return ask(input, messages, 0, new ArrayList<>());
    }

    String render(JudgeInput input) {
        var values = new LinkedHashMap<String, String>();
        values.put("rubric", rubric.name());
        values.put("description", rubric.description());
        values.put("agents", agents(input.agents()));
        values.put("transcript", input.transcript().isEmpty() ? "(nothing happened)" : String.join("\n", input.transcript()));
        values.put("dimensions", dimensions());
        values.put("shape", shape(input.agents()));
        return prompt.render(values);
    }

    private CompletableFuture<Verdict> ask(JudgeInput input, List<PromptMessage> messages, int repairsSoFar,
                                           List<String> notes) {
        long seed = Seeds.derive(input.seed(), "judge-" + rubric.name() + "-try-" + repairsSoFar);
        var call = new ModelCall(messages, List.of(), seed, settings.temperature(), settings.maxTokens(),
                input.episodeId(), "judge");
        return gateway.chat(call).handle((reply, error) -> {
            if (error != null) {
                return CompletableFuture.completedFuture(new Verdict(rubric, gateway.name(), Map.of(), Map.of(), notes,
                        "judge call failed: " + root(error).getMessage()));
            }
            var parsed = parse(reply.text(), input.agents());
            var allNotes = new ArrayList<>(notes);
            allNotes.addAll(parsed.notes());
            if (parsed.problems().isEmpty()) {
                return CompletableFuture.completedFuture(new Verdict(rubric, gateway.name(), parsed.scores(),
                        parsed.reasoning(), allNotes, null));
            }
            String problems = String.join("; ", parsed.problems());
            if (repairsSoFar >= settings.maxRepairs()) {
                return CompletableFuture.completedFuture(new Verdict(rubric, gateway.name(), parsed.scores(),
                        parsed.reasoning(), allNotes, problems));
            }
            allNotes.add("re-asked: " + problems);
            var next = new ArrayList<>(messages);
            next.add(PromptMessage.assistant(reply.text()));
            next.add(PromptMessage.user("Your evaluation could not be used: " + problems
                    + ". Reply again with the complete JSON object only, in this shape:\n" + shape(input.agents())));
            return ask(input, next, repairsSoFar + 1, allNotes);
        }).thenCompose(f -> f);
    }

    /** What was read from one answer. */
    record Parsed(Map<String, Map<String, Double>> scores, Map<String, Map<String, String>> reasoning,
                  List<String> notes, List<String> problems) {}

    Parsed parse(String text, List<JudgedAgent> agents) {
        var scores = new LinkedHashMap<String, Map<String, Double>>();
        var reasons = new LinkedHashMap<String, Map<String, String>>();
        var notes = new ArrayList<String>();
        var problems = new ArrayList<String>();
        var json = JsonReplies.firstObject(text);
        if (json.isEmpty()) {
            problems.add("the answer contained no JSON object");
            return new Parsed(scores, reasons, notes, problems);
        }
        JsonNode root = json.get().has("scores") ? json.get().get("scores") : json.get();
        for (JudgedAgent agent : agents) {
            JsonNode node = root.get(agent.id());
            if (node == null && agent.persona() != null) {
                node = root.get(agent.persona().name());
            }
            if (node == null || !node.isObject()) {
                problems.add("no scores for agent \"" + agent.id() + "\"");
                continue;
            }
            var agentScores = new LinkedHashMap<String, Double>();
            var agentReasons = new LinkedHashMap<String, String>();
            for (Dimension d : rubric.dimensions()) {
                JsonNode value = node.get(d.name());
                JsonNode score = value != null && value.isObject() ? value.get("score") : value;
                if (score != null && score.isTextual()) {
                    // Models sometimes quote numbers ("7"); that much is repaired here.
                    try {
                        score = com.fasterxml.jackson.databind.node.DoubleNode.valueOf(Double.parseDouble(score.asText().trim()));
                    } catch (NumberFormatException notANumber) {
                        // stays textual and is reported below
                    }
                }
                if (score == null || score.isNull()) {
                    problems.add("agent \"" + agent.id() + "\" has no score for " + d.name());
                    continue;
                }
                if (!score.isNumber()) {
                    problems.add("agent \"" + agent.id() + "\" " + d.name() + " score is not a number");
                    continue;
                }
                double raw = score.asDouble();
                double clamped = d.clamp(raw);
                if (clamped != raw) {
                    notes.add("clamped " + agent.id() + " " + d.name() + " from " + Dimension.number(raw) + " to "
                            + Dimension.number(clamped));
                }
                agentScores.put(d.name(), clamped);
                if (value.isObject() && value.path("reasoning").isTextual()) {
                    agentReasons.put(d.name(), value.get("reasoning").asText());
                }
            }
            scores.put(agent.id(), agentScores);
            reasons.put(agent.id(), agentReasons);
        }
        return new Parsed(scores, reasons, notes, problems);
    }

    private String dimensions() {
        var sb = new StringBuilder();
        for (Dimension d : rubric.dimensions()) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append("- ").append(d.name()).append(" (").append(d.scale()).append(", ")
                    .append(d.direction() == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better")
                    .append("): ").append(d.instructions());
        }
        return sb.toString();
    }

    private String shape(List<JudgedAgent> agents) {
        var sb = new StringBuilder("{\"scores\": {");
        for (int i = 0; i < agents.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(agents.get(i).id()).append("\": {");
            for (int j = 0; j < rubric.dimensions().size(); j++) {
                Dimension d = rubric.dimensions().get(j);
                sb.append(j == 0 ? "" : ", ").append('"').append(d.name())
                        .append("\": {\"reasoning\": \"...\", \"score\": <").append(d.scale()).append(">}");
            }
            sb.append('}');
        }
        return sb.append("}}").toString();
    }

    private static String agents(List<JudgedAgent> agents) {
        var sb = new StringBuilder();
        for (JudgedAgent a : agents) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append("- ").append(a.id());
            if (a.role() != null) {
                sb.append(" (role: ").append(a.role()).append(')');
            }
            Persona p = a.persona();
            if (p != null) {
                sb.append(": ").append(p.name());
                if (p.age() != null) {
                    sb.append(", ").append(p.age());
                }
                if (p.occupation() != null) {
                    sb.append(", ").append(p.occupation());
                }
                if (p.publicInfo() != null) {
                    sb.append(". ").append(p.publicInfo());
                }
                if (!p.secrets().isEmpty()) {
                    sb.append(" Secrets: ").append(String.join("; ", p.secrets())).append('.');
                }
            }
            if (a.goal() != null && !a.goal().isBlank()) {
                sb.append(" Goal: ").append(a.goal().strip());
            }
        }
        return sb.toString();
    }

    private static PromptTemplate bundledPrompt() {
        try (InputStream in = Judge.class.getClassLoader().getResourceAsStream("rubrics/judge-prompt.txt")) {
            if (in == null) {
                throw new IllegalStateException("the bundled judge prompt rubrics/judge-prompt.txt is missing");
            }
            return new PromptTemplate("judge", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
