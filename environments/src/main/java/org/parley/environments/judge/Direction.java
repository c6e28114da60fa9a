package org.parley.environments.judge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a higher score on a dimension is better (goal completion) or worse (distress). */
public enum Direction {
    HIGHER_IS_BETTER("higher-is-better"),
    LOWER_IS_BETTER("lower-is-better");

    private final String id;

    Direction(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Direction of(String text) {
        for (Direction d : values()) {
            if (d.id.equalsIgnoreCase(text) || d.name().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("direction must be higher-is-better or lower-is-better, was '" + text + "'");
    }
}
