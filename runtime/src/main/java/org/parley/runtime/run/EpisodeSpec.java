package org.parley.runtime.run;

/**
 * One episode of a run, as plain data: which scenario, which condition, which episode, which seed.
 * A node resolves it into an environment and minds with an
 * {@link org.parley.runtime.episode.EpisodeResolver}; nothing else travels, so a spec can be sent
 * to any node that holds the same scenario.
 *
 * @param scenario  the scenario's content hash: the resolver checks it holds the same scenario
 * @param condition the condition's name
 * @param index     the episode's number within its condition (0-based)
 * @param seed      the episode seed (see {@link org.parley.runtime.seed.Seeds#episode})
 */
public record EpisodeSpec(String scenario, String condition, int index, long seed) {

    public EpisodeSpec {
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException("an episode needs a condition name");
        }
        if (index < 0) {
            throw new IllegalArgumentException("episode index must be >= 0, was " + index);
        }
        if (scenario == null) {
            scenario = "";
        }
    }

    /** {@code <condition>/<index, 4 digits>}: unique within a run, and the transcript's path under {@code episodes/}. */
    public String id() {
        return id(condition, index);
    }

    public static String id(String condition, int index) {
        String digits = Integer.toString(index);
        var id = new StringBuilder(condition.length() + 1 + Math.max(4, digits.length())).append(condition).append('/');
        for (int i = digits.length(); i < 4; i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }
}
