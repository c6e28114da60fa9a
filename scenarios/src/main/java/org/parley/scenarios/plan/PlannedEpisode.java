package org.parley.scenarios.plan;

/** One planned episode: its id, condition, index within the condition and seed. */
public record PlannedEpisode(String id, String condition, int index, long seed) {

    /** {@code <condition>/<index, 4 digits>}: also the transcript's path under {@code episodes/}. */
    public static String id(String condition, int index) {
        return condition + "/" + String.format("%04d", index);
    }
}
