package org.parley.environments.maze;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A way of naming cells with two numbers. People reading the same drawing disagree on which
 * number comes first, which corner is the origin and whether counting starts at 0 or 1; a pair
 * that never settles this reads each other's reports wrongly. Labels look like
 * {@code row-col/top-left/0} or {@code x-y/bottom-left/1}.
 *
 * @param axes   which number comes first
 * @param origin the corner where counting starts
 * @param base   the number of the first line, 0 or 1
 */
public record Convention(Axes axes, Origin origin, int base) {

    /** {@code ROW_COL}: (line down, column across); {@code X_Y}: (across, then up or down). */
    public enum Axes { ROW_COL, X_Y }

    /** The corner counted from. The left edge is always column 0; only the vertical end differs. */
    public enum Origin { TOP_LEFT, BOTTOM_LEFT }

    /** The environment's own frame: what a programmer reading an array would say. */
    public static final Convention MATRIX = new Convention(Axes.ROW_COL, Origin.TOP_LEFT, 0);

    public Convention {
        if (base != 0 && base != 1) {
            throw new IllegalArgumentException("a convention counts from 0 or 1, was " + base);
        }
    }

    /** All eight conventions in a fixed order. */
    public static List<Convention> all() {
        var out = new ArrayList<Convention>(8);
        for (var axes : Axes.values()) {
            for (var origin : Origin.values()) {
                for (int base = 0; base <= 1; base++) {
                    out.add(new Convention(axes, origin, base));
                }
            }
        }
        return out;
    }

    /** The two numbers this convention gives a cell of a maze with {@code rows} lines. */
    public int[] encode(Cell cell, int rows) {
        int vertical = origin == Origin.TOP_LEFT ? cell.row() : rows - 1 - cell.row();
        int horizontal = cell.col();
        return axes == Axes.ROW_COL
                ? new int[] {vertical + base, horizontal + base}
                : new int[] {horizontal + base, vertical + base};
    }

    /** The cell two numbers name under this convention (possibly outside the maze). */
    public Cell decode(int first, int second, int rows) {
        int a = first - base;
        int b = second - base;
        int vertical = axes == Axes.ROW_COL ? a : b;
        int horizontal = axes == Axes.ROW_COL ? b : a;
        int row = origin == Origin.TOP_LEFT ? vertical : rows - 1 - vertical;
        return new Cell(row, horizontal);
    }

    public String label() {
        return (axes == Axes.ROW_COL ? "row-col" : "x-y") + "/" + (origin == Origin.TOP_LEFT ? "top-left" : "bottom-left")
                + "/" + base;
    }

    /** How a person would state it in a message. */
    public String describe() {
        var corner = origin == Origin.TOP_LEFT ? "top-left" : "bottom-left";
        return axes == Axes.ROW_COL
                ? "(row, column) counting from " + base + " at the " + corner + " corner"
                : "(x, y) with x across and y " + (origin == Origin.TOP_LEFT ? "down" : "up") + ", counting from "
                        + base + " at the " + corner + " corner";
    }

    public static Optional<Convention> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        for (var c : all()) {
            if (c.label().equals(label.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label();
    }
}
