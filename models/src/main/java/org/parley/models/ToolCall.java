package org.parley.models;

/**
 * A tool call the model asked for.
 *
 * @param id        the provider's id of the call (echoed back with the result)
 * @param name      the tool's name
 * @param arguments the arguments as JSON object text
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    }
}
