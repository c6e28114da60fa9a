package org.parley.agents.llm;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in what a model wrote. Models wrap JSON in code fences, put a sentence
 * before it, use single quotes or leave a trailing comma; each of those is repaired here rather
 * than costing a re-ask.
 */
public final class JsonReplies {
    static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*(.*?)```", Pattern.DOTALL);

    private JsonReplies() {}

    /** The first JSON object in the text, or empty when there is none that parses. */
    public static Optional<JsonNode> firstObject(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var fence = FENCE.matcher(text);
        while (fence.find()) {
            var inFence = scan(fence.group(1));
            if (inFence.isPresent()) {
                return inFence;
            }
        }
        return scan(text);
    }

    private static Optional<JsonNode> scan(String text) {
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            int end = matchingBrace(text, start);
            if (end < 0) {
                continue;
            }
            try {
                JsonNode node = LENIENT.readTree(text.substring(start, end + 1));
                if (node != null && node.isObject()) {
                    return Optional.of(node);
                }
            } catch (Exception ignored) {
                // not JSON from here; try the next brace
            }
        }
        return Optional.empty();
    }

    /** Index of the brace closing the one at {@code start}, skipping braces inside strings; -1 if none. */
    static int matchingBrace(String s, int start) {
        int depth = 0;
        char quote = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
