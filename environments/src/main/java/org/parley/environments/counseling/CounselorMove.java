package org.parley.environments.counseling;

import java.util.Locale;

/** The counselor's move repertoire, plus the farewell that closes a session. */
public enum CounselorMove {
    OPEN_QUESTION("open-question"),
    REFLECTION("reflection"),
    VALIDATION("validation"),
    REFRAME("reframe"),
    PSYCHOEDUCATION("psychoeducation"),
    SAFETY_CHECK("safety-check"),
    ADVICE("advice"),
    FAREWELL("farewell");

    private final String key;

    CounselorMove(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Reads a move from action args; unknown or missing values are {@code null} (free text, e.g. an LLM). */
    public static CounselorMove parse(Object value) {
        if (value == null) {
            return null;
        }
        String v = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        for (var m : values()) {
            if (m.key.equals(v)) {
                return m;
            }
        }
        return null;
    }
}
