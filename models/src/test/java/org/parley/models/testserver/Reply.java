package org.parley.models.testserver;

import java.util.List;
import java.util.Map;

/** What the scripted server answers to one request, rendered in the protocol of the endpoint asked. */
public sealed interface Reply {

    /** Milliseconds the server waits before answering. */
    long delayMillis();

    /** A plain assistant message. */
    record Text(String text, long delayMillis, int inputTokens, int outputTokens) implements Reply {}

    /** One or more tool calls (arguments as JSON object text), with optional text beside them. */
    record Tools(List<Call> calls, String text, long delayMillis) implements Reply {}

    /** A tool call the model makes. */
    record Call(String name, String argumentsJson) {}

    /** An HTTP error (or any status) with headers and a body. */
    record Status(int status, Map<String, String> headers, String body, long delayMillis) implements Reply {}

    public static Reply text(String text) {
        return new Text(text, 0, 12, Math.max(1, text.length() / 4));
    }

    public static Reply slowText(String text, long delayMillis) {
        return new Text(text, delayMillis, 12, Math.max(1, text.length() / 4));
    }

    public static Reply toolCall(String name, String argumentsJson) {
        return new Tools(List.of(new Call(name, argumentsJson)), null, 0);
    }

    public static Reply status(int status, String body) {
        return new Status(status, Map.of(), body, 0);
    }

    public static Reply tooManyRequests(String retryAfterSeconds) {
        return new Status(429, Map.of("Retry-After", retryAfterSeconds),
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit\"}}", 0);
    }

    public static Reply serverError() {
        return new Status(500, Map.of(), "{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}", 0);
    }
}
