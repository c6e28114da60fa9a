package org.parley.scenarios.load;

import java.util.Locale;
import java.util.function.Function;

/**
 * {@code ${NAME}} and {@code ${NAME:-default}} in string values, from the environment.
 * {@code $${} writes a literal {@code ${}.
 */
public final class Interpolation {
    private final Function<String, String> environment;

    public Interpolation(Function<String, String> environment) {
        this.environment = environment;
    }

    /** Result of interpolating one string. */
    public record Result(String value, boolean usedVariable, boolean secretVariable, String error) {}

    public Result apply(String text) {
        if (!text.contains("${")) {
            return new Result(text, false, false, null);
        }
        var out = new StringBuilder();
        boolean used = false;
        boolean secret = false;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (!text.startsWith("${", i)) {
                out.append(text.charAt(i++));
                continue;
            }
            int close = text.indexOf('}', i + 2);
            if (close < 0) {
                return new Result(text, used, secret, "unclosed '${' in \"" + text + "\"");
            }
            String body = text.substring(i + 2, close);
            String name = body;
            String fallback = null;
            int dash = body.indexOf(":-");
            if (dash >= 0) {
                name = body.substring(0, dash);
                fallback = body.substring(dash + 2);
            }
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return new Result(text, used, secret, "'${" + body + "}' is not a variable reference");
            }
            String value = environment.apply(name);
            if (value == null || (value.isEmpty() && fallback != null)) {
                if (fallback == null) {
                    return new Result(text, used, secret, "environment variable " + name + " is not set");
                }
                value = fallback;
            }
            used = true;
            secret |= looksSecret(name);
            out.append(value);
            i = close + 1;
        }
        return new Result(out.toString(), used, secret, null);
    }

    /** Names such as {@code api-key}, {@code OPENAI_API_KEY}, {@code token}, {@code password}. */
    public static boolean looksSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("key") || n.contains("token") || n.contains("secret") || n.contains("password");
    }
}
