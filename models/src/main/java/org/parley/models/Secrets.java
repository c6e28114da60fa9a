package org.parley.models;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The API keys a gateway holds, so that every message leaving it (exceptions, logs, observer
 * callbacks) can be scrubbed of them. Providers sometimes echo a key back in an error body.
 */
public final class Secrets {
    static final String MASK = "***";
    private final List<String> values = new CopyOnWriteArrayList<>();

    public void add(String secret) {
        // Very short strings would mask ordinary words; real keys are long.
        if (secret != null && secret.length() >= 6 && !values.contains(secret)) {
            values.add(secret);
        }
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : values) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
