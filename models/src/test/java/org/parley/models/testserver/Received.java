package org.parley.models.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One request the scripted server received.
 *
 * @param protocol which API was called
 * @param headers  request headers (lower-case names)
 * @param body     the raw JSON body
 * @param json     the parsed body
 * @param arrivedNanos {@link System#nanoTime()} on arrival
 */
public record Received(ScriptedModelServer.Protocol protocol, Map<String, List<String>> headers, String body,
                       JsonNode json, long arrivedNanos) {

    /** Text of the last user message (all protocols put messages under {@code messages}). */
    public String lastUserText() {
        JsonNode messages = json.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if ("user".equals(m.path("role").asText())) {
                JsonNode content = m.path("content");
                if (content.isTextual()) {
                    return content.asText();
                }
                var sb = new StringBuilder();
                content.forEach(part -> sb.append(part.path("text").asText("")));
                return sb.toString();
            }
        }
        return "";
    }

    /** Every message's text content joined, for assertions about what the model was shown. */
    public String allText() {
        return body;
    }

    public String header(String name) {
        var values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
