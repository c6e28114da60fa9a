package org.parley.environments.codebase.lang;

/** One line of a function body. */
public sealed interface Statement {

    int line();

    /** {@code let name = expr}: binds or rebinds a local. */
    record Let(int line, String name, Expr value) implements Statement {}

    /** {@code if cond: return expr}: a guard that returns early. */
    record Guard(int line, Expr condition, Expr value) implements Statement {}

    /** {@code return expr}. */
    record Return(int line, Expr value) implements Statement {}
}
