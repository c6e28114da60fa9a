package org.parley.agents.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.models.ModelCall;
import org.parley.models.ModelGateway;
import org.parley.models.ModelReply;
import org.parley.models.PromptMessage;
import org.parley.models.ToolCall;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.seed.Seeds;

/**
 * A mind played by a language model through the gateway.
 *
 * <p>Each turn it renders the persona and role into a system prompt and its memory into a turn
 * prompt, offers the environment's tools as tool specifications, and reads the answer as one
 * action: a JSON object ({@code {"kind", "text", "to", "args"}}) or a tool call, which becomes an
 * action whose kind is the tool's name so that the environment executes and sees every call.
 * An answer that does not fit the turn's action space is repaired when it can be (JSON inside prose
 * or code fences, single quotes) and otherwise re-asked with the reason, up to
 * {@code maxRepairs} times; then, or when the model cannot be reached, the turn becomes a
 * {@code none} action with {@code args {failed: true, reason}}. It never throws.
 *
 * <p>{@link #decide} returns at once; the stage completes on a gateway thread. Memory is guarded by
 * the mind's monitor because observations may arrive on the agent's thread while a decision
 * completes on the gateway's.
 */
public final class LlmMind implements Mind {
    private final LlmMindConfig config;
    private final Function<String, ? extends ModelGateway> models;
    private final String systemText;
    private Observation lastOwn;
    private int repairs;
    private int failedTurns;

    /**
     * @param config how the agent is played
     * @param models resolves a model name to its gateway (e.g. {@code Gateways::get})
     */
    public LlmMind(LlmMindConfig config, Function<String, ? extends ModelGateway> models) {
        this.config = config;
        this.models = models;
        var values = new LinkedHashMap<String, String>();
        values.put("persona", PersonaRenderer.render(config.persona()));
        values.put("agent", config.agent());
        values.put("role", config.role() == null ? "participant" : config.role());
        values.put("goal", config.goal() == null || config.goal().isBlank() ? "" : "Your goal: " + config.goal().strip());
        values.put("format", PromptTemplate.bundled("format").text().strip());
        this.systemText = config.systemPrompt().render(values);
    }

    @Override
    public synchronized void perceive(Observation observation) {
        // The environment may echo an agent's own action back to it; it is remembered already.
        if (lastOwn != null && observation.source().equals(config.agent()) && observation.turn() == lastOwn.turn()
                && observation.kind().equals(lastOwn.kind()) && observation.text().equals(lastOwn.text())) {
            return;
        }
        config.memory().remember(observation);
    }

    @Override
    public CompletionStage<Action> decide(Turn turn) {
        String model = config.schedule().modelAt(turn.number());
        CompletableFuture<Action> result;
        try {
            ModelGateway gateway = models.apply(model);
            var messages = List.of(PromptMessage.system(systemText), PromptMessage.user(turnText(turn)));
            result = attempt(gateway, model, turn, messages, 0);
        } catch (RuntimeException e) {
            result = CompletableFuture.completedFuture(failed(turn, model, "model unavailable: " + e.getMessage()));
        }
        return result.exceptionally(e -> failed(turn, model, "mind error: " + rootMessage(e)))
                .thenApply(action -> {
                    remember(turn, action);
                    return action;
                });
    }

    @Override
    public String describe() {
        return "llm:" + config.schedule().modelAt(0);
    }

    /** Re-asks made so far after unusable answers. */
    public int repairs() {
        return repairs;
    }

    /** Turns recorded as failed so far. */
    public int failedTurns() {
        return failedTurns;
    }

    public LlmMindConfig config() {
        return config;
    }

    private CompletableFuture<Action> attempt(ModelGateway gateway, String model, Turn turn,
                                              List<PromptMessage> messages, int repairsSoFar) {
        long seed = Seeds.derive(config.seed(), "turn-" + turn.number() + "-try-" + repairsSoFar);
        var call = new ModelCall(messages, turn.actions().tools(), seed, null, null, config.episodeId(), config.role());
        return gateway.chat(call).handle((reply, error) -> {
            if (error != null) {
                return CompletableFuture.completedFuture(failed(turn, model, "model call failed: " + rootMessage(error)));
            }
            var read = read(reply, turn.actions());
            if (read instanceof ActionReader.Result.Ok ok) {
                return CompletableFuture.completedFuture(ok.action().producedBy("llm:" + model));
            }
            String problem = ((ActionReader.Result.Problem) read).reason();
            if (repairsSoFar >= config.maxRepairs()) {
                return CompletableFuture.completedFuture(failed(turn, model, problem
                        + (repairsSoFar == 0 ? "" : " (after " + repairsSoFar + " re-asks)")));
            }
            synchronized (this) {
                repairs++;
            }
            config.metrics().count("llm_repairs", 1, Map.of("model", model));
            var next = new ArrayList<>(messages);
            next.add(PromptMessage.assistant(asText(reply)));
            next.add(PromptMessage.user(config.repairPrompt().render(Map.of(
                    "problem", problem, "options", ActionReader.options(turn.actions())))));
            return attempt(gateway, model, turn, next, repairsSoFar + 1);
        }).thenCompose(f -> f);
    }

    private ActionReader.Result read(ModelReply reply, ActionSpace space) {
        if (reply.hasToolCalls()) {
            // One action per turn: the first call is taken; the environment answers it before the next turn.
            return ActionReader.fromToolCall(config.agent(), reply.toolCalls().get(0), reply.text(), space);
        }
        return ActionReader.fromText(config.agent(), reply.text(), space);
    }

    /** The answer as plain text for the re-ask (tool calls written out, so no tool result is owed). */
    private static String asText(ModelReply reply) {
        if (!reply.hasToolCalls()) {
            return reply.text();
        }
        String calls = reply.toolCalls().stream().map(ToolCall::toString).collect(Collectors.joining("; "));
        return (reply.text().isBlank() ? "" : reply.text() + "\n") + "(tool calls: " + calls + ")";
    }

    private synchronized String turnText(Turn turn) {
        var values = new LinkedHashMap<String, String>();
        values.put("history", HistoryRenderer.render(config.memory().recall(), config.agent()));
        values.put("turn", Long.toString(turn.number()));
        values.put("agent", config.agent());
        values.put("options", options(turn.actions()));
        return config.turnPrompt().render(values);
    }

    private static String options(ActionSpace space) {
        var parts = new ArrayList<>(space.kinds());
        for (ActionSpace.ToolSpec t : space.tools()) {
            parts.add(t.name() + " (tool" + (t.description() == null || t.description().isBlank() ? "" : ": "
                    + t.description()) + (t.parametersSchema() == null ? "" : "; args schema " + t.parametersSchema()) + ")");
        }
        return String.join(", ", parts);
    }

    private Action failed(Turn turn, String model, String reason) {
        synchronized (this) {
            failedTurns++;
        }
        config.metrics().count("llm_failed_turns", 1, Map.of("model", model));
        var args = new LinkedHashMap<String, Object>();
        args.put("failed", true);
        args.put("reason", reason);
        return new Action(config.agent(), ActionKinds.NONE, "", null, args, 0, "llm:" + model);
    }

    private synchronized void remember(Turn turn, Action action) {
        var own = new Observation(config.agent(), turn.number(), config.agent(), action.kind(), action.text(),
                action.args());
        lastOwn = own;
        config.memory().remember(own);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
