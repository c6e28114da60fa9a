package org.parley.environments.codebase.task;

import java.util.List;

/**
 * The inputs a feature changes: one parameter compared with a bound ({@code qty > 30}). Features
 * of one task get disjoint regions, so every pair of features can pass together.
 *
 * @param param      parameter name
 * @param paramIndex its position in the function's parameter list
 * @param op         {@code >}, {@code <}, or the inclusive {@code >=} / {@code <=} a careless coder writes
 * @param bound      the constant
 */
public record Region(String param, int paramIndex, String op, long bound) {

    public String render() {
        return param + " " + op + " " + bound;
    }

    public boolean contains(List<Long> args) {
        long x = args.get(paramIndex);
        return switch (op) {
            case ">" -> x > bound;
            case "<" -> x < bound;
            case ">=" -> x >= bound;
            case "<=" -> x <= bound;
            default -> throw new IllegalStateException("unknown operator " + op);
        };
    }

    /** The off-by-one version: the boundary value itself falls inside. */
    public Region inclusive() {
        return new Region(param, paramIndex, op.startsWith(">") ? ">=" : "<=", bound);
    }

    /** The nearest input inside the region. */
    public long edgeInside() {
        return op.equals(">") ? bound + 1 : op.equals("<") ? bound - 1 : bound;
    }
}
