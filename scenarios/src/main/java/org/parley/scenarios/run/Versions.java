package org.parley.scenarios.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Parley's and Java's versions, for the manifest. */
public final class Versions {
    private Versions() {}

    public static String parley() {
        try (InputStream in = Versions.class.getResourceAsStream("/parley-version.properties")) {
            if (in != null) {
                var p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through to the unknown version
        }
        return "unknown";
    }

    public static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor", "") + ")";
    }
}
