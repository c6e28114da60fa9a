package org.parley.agents.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt with {@code {{name}}} placeholders. Bundled templates live in {@code prompts/} on the
 * class path; scenarios may pass their own text instead. A placeholder without a value is an error
 * naming it, so a typo in a custom template is caught on the first turn rather than sent to a model.
 */
public record PromptTemplate(String name, String text) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z][a-zA-Z0-9_-]*)\\s*}}");

    /** The bundled template {@code prompts/<name>.txt}. */
    public static PromptTemplate bundled(String name) {
        String path = "prompts/" + name + ".txt";
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled prompt template " + path);
            }
            return new PromptTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled template for a role ({@code prompts/role-<role>.txt}) or the general agent template. */
    public static PromptTemplate forRole(String role) {
        String path = "prompts/role-" + role + ".txt";
        if (role != null && PromptTemplate.class.getClassLoader().getResource(path) != null) {
            return bundled("role-" + role);
        }
        return bundled("agent");
    }

    public List<String> placeholders() {
        var names = new ArrayList<String>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        var sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt template '" + name + "' uses {{" + m.group(1)
                        + "}}, which has no value; available: " + values.keySet());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString().strip();
    }
}
