package org.parley.agents.llm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.models.ToolCall;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;

/**
 * Turns a model's answer into an {@link Action} checked against the turn's {@link ActionSpace}, or
 * says precisely what is wrong so the model can be asked again.
 */
public final class ActionReader {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private ActionReader() {}

    /** Either an action or the problem with the answer. */
    public sealed interface Result {
        record Ok(Action action) implements Result {}

        record Problem(String reason) implements Result {}
    }

    /** Reads a JSON action out of free text. */
    public static Result fromText(String agent, String text, ActionSpace space) {
        var json = JsonReplies.firstObject(text);
        if (json.isEmpty()) {
            return new Result.Problem(text == null || text.isBlank() ? "the reply was empty"
                    : "the reply contained no JSON object");
        }
        return fromJson(agent, json.get(), space);
    }

    /** Reads a JSON action object (also accepts Sotopia's {@code action_type}/{@code argument} names). */
    public static Result fromJson(String agent, JsonNode node, ActionSpace space) {
        JsonNode kindNode = node.has("kind") ? node.get("kind") : node.get("action_type");
        if (kindNode == null || !kindNode.isTextual() || kindNode.asText().isBlank()) {
            return new Result.Problem("the JSON object has no \"kind\"");
        }
        String kind = kindNode.asText().trim();
        if (!space.allows(kind)) {
            return new Result.Problem("kind \"" + kind + "\" is not available now; choose one of " + options(space));
        }
        JsonNode textNode = node.has("text") ? node.get("text") : node.get("argument");
        String text = textNode == null || textNode.isNull() ? "" : textNode.isTextual() ? textNode.asText() : textNode.toString();
        if (requiresText(kind) && text.isBlank()) {
            return new Result.Problem("kind \"" + kind + "\" needs a non-empty \"text\"");
        }
        JsonNode toNode = node.get("to");
        String to = null;
        if (toNode != null && !toNode.isNull()) {
            if (!toNode.isTextual()) {
                return new Result.Problem("\"to\" must be an agent id as a string, or null");
            }
            to = toNode.asText().isBlank() ? null : toNode.asText();
        }
        Map<String, Object> args = Map.of();
        JsonNode argsNode = node.get("args");
        if (argsNode != null && !argsNode.isNull()) {
            if (!argsNode.isObject()) {
                return new Result.Problem("\"args\" must be a JSON object");
            }
            args = JsonReplies.LENIENT.convertValue(argsNode, MAP);
        }
        var tool = tool(space, kind);
        if (tool != null) {
            String problem = ToolArguments.check(tool, argsNode);
            if (problem != null) {
                return new Result.Problem(problem);
            }
        }
        return new Result.Ok(new Action(agent, kind, text, to, args, 0, null));
    }

    /** Reads a native tool call; the environment sees it as an action whose kind is the tool's name. */
    public static Result fromToolCall(String agent, ToolCall call, String text, ActionSpace space) {
        var tool = tool(space, call.name());
        if (tool == null) {
            return new Result.Problem("there is no tool \"" + call.name() + "\" now; choose one of " + options(space));
        }
        JsonNode argsNode;
        try {
            argsNode = JsonReplies.LENIENT.readTree(call.arguments());
        } catch (Exception e) {
            return new Result.Problem("the arguments of tool \"" + call.name() + "\" are not JSON");
        }
        if (argsNode == null || !argsNode.isObject()) {
            return new Result.Problem("the arguments of tool \"" + call.name() + "\" must be a JSON object");
        }
        String problem = ToolArguments.check(tool, argsNode);
        if (problem != null) {
            return new Result.Problem(problem);
        }
        Map<String, Object> args = JsonReplies.LENIENT.convertValue(argsNode, MAP);
        return new Result.Ok(new Action(agent, call.name(), text == null ? "" : text, null, args, 0, null));
    }

    static String options(ActionSpace space) {
        var all = new java.util.ArrayList<>(space.kinds());
        space.tools().forEach(t -> all.add(t.name()));
        return String.join(", ", all);
    }

    private static ActionSpace.ToolSpec tool(ActionSpace space, String name) {
        List<ActionSpace.ToolSpec> tools = space.tools();
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    private static boolean requiresText(String kind) {
        return kind.equals(ActionKinds.SPEAK) || kind.equals(ActionKinds.NON_VERBAL) || kind.equals(ActionKinds.ACTION);
    }
}
