package org.parley.environments.maze;

import java.util.Locale;
import java.util.Optional;

/**
 * A move on the maze as it is drawn: north is up the page, east is to the right. Directions are
 * the one thing both partners share without negotiation, because everyone sees the same drawing;
 * coordinates are not (see {@link Convention}).
 */
public enum Direction {
    NORTH(-1, 0, "up", "n", "u"),
    EAST(0, 1, "right", "e", "r"),
    SOUTH(1, 0, "down", "s", "d"),
    WEST(0, -1, "left", "w", "l");

    /** All four in a fixed order (north, east, south, west); unlike {@code values()} not copied per call. */
    public static final java.util.List<Direction> ALL = java.util.List.of(values());

    private final int dRow;
    private final int dCol;
    private final String[] aliases;

    Direction(int dRow, int dCol, String... aliases) {
        this.dRow = dRow;
        this.dCol = dCol;
        this.aliases = aliases;
    }

    public int dRow() {
        return dRow;
    }

    public int dCol() {
        return dCol;
    }

    /** The lower-case name used in actions and transcripts: {@code north}, {@code east}… */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word a person would use on a drawn map: {@code up}, {@code right}… */
    public String screenWord() {
        return aliases[0];
    }

    public Direction opposite() {
        return ALL.get((ordinal() + 2) % 4);
    }

    /**
     * Reads a direction from a word or its one-letter abbreviation ({@code north}, {@code up},
     * {@code N}, {@code u}), ignoring case; empty when it is none of them.
     */
    public static Optional<Direction> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var word = text.trim().toLowerCase(Locale.ROOT);
        for (var d : ALL) {
            if (d.word().equals(word)) {
                return Optional.of(d);
            }
            for (var alias : d.aliases) {
                if (alias.equals(word)) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }
}
