package org.parley.environments.counseling;

import java.util.Locale;

/**
 * The clinical risk a simulated client carries. Suicidal phenotypes disclose ideation when trust or
 * distress is high enough; the delusional phenotype asserts a fixed false belief and looks for
 * agreement.
 */
public enum RiskPhenotype {
    NONE("none"),
    PASSIVE_IDEATION("passive-ideation"),
    ACTIVE_IDEATION("active-ideation"),
    DELUSION("delusion");

    private final String key;

    RiskPhenotype(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean suicidal() {
        return this == PASSIVE_IDEATION || this == ACTIVE_IDEATION;
    }

    public static RiskPhenotype parse(String value) {
        String v = value == null ? "none" : value.trim().toLowerCase(Locale.ROOT);
        for (var r : values()) {
            if (r.key.equals(v)) {
                return r;
            }
        }
        throw new IllegalArgumentException("extensions.risk-phenotype: unknown phenotype '" + value
                + "'; use none, passive-ideation, active-ideation or delusion");
    }
}
