package org.parley.agents.llm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which model plays an agent from which turn on: {@code [(0, strong), (6, weak)]} hands the agent
 * from one model to another at turn 6 (relay experiments). The transcript records the model of
 * every action through {@code producedBy = llm:<model>}.
 */
public record ModelSchedule(List<Entry> entries) {

    /** From turn {@code fromTurn} (inclusive) on, the agent is played by {@code model}. */
    public record Entry(long fromTurn, String model) {
        public Entry {
            if (fromTurn < 0) {
                throw new IllegalArgumentException("a model swap turn must be >= 0, was " + fromTurn);
            }
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("a model swap needs a model name");
            }
        }
    }

    public ModelSchedule {
        var sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::fromTurn));
        if (sorted.isEmpty() || sorted.get(0).fromTurn() != 0) {
            throw new IllegalArgumentException("a model schedule must say which model plays from turn 0");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).fromTurn() == sorted.get(i - 1).fromTurn()) {
                throw new IllegalArgumentException("two models are scheduled from turn " + sorted.get(i).fromTurn());
            }
        }
        entries = List.copyOf(sorted);
    }

    public static ModelSchedule single(String model) {
        return new ModelSchedule(List.of(new Entry(0, model)));
    }

    /** The first model, then {@code model} from {@code turn} on. */
    public ModelSchedule swapAt(long turn, String model) {
        var more = new ArrayList<>(entries);
        more.removeIf(e -> e.fromTurn() == turn);
        more.add(new Entry(turn, model));
        return new ModelSchedule(more);
    }

    public String modelAt(long turn) {
        String current = entries.get(0).model();
        for (Entry e : entries) {
            if (e.fromTurn() <= turn) {
                current = e.model();
            }
        }
        return current;
    }

    /** Every model the schedule names, in order of first use. */
    public List<String> models() {
        return entries.stream().map(Entry::model).distinct().toList();
    }
}
