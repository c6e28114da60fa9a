package org.parley.environments.barrier;

import java.util.List;

/**
 * One piece of goal-relevant information a speaker must get across (a budget, a deadline, a
 * reason). A listener who misreads it ends up believing one of the distractors.
 *
 * @param id          short id, unique inside its situation
 * @param topic       what it is about, in words ("the budget")
 * @param value       the true content ("at most 400 dollars")
 * @param distractors plausible wrong readings, at least one
 */
public record InfoUnit(String id, String topic, String value, List<String> distractors) {

    public InfoUnit {
        if (id == null || id.isBlank() || topic == null || value == null) {
            throw new IllegalArgumentException("an information unit needs an id, a topic and a value");
        }
        distractors = List.copyOf(distractors);
        if (distractors.isEmpty()) {
            throw new IllegalArgumentException("information unit " + id + " needs at least one distractor");
        }
    }

    public static InfoUnit of(String id, String topic, String value, String... distractors) {
        return new InfoUnit(id, topic, value, List.of(distractors));
    }
}
