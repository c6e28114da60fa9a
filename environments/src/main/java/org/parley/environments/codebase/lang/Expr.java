package org.parley.environments.codebase.lang;

import java.util.List;

/** An expression of the function-table language. Values are 64-bit integers; booleans are 1 and 0. */
public sealed interface Expr {

    record Num(long value) implements Expr {}

    record Var(String name) implements Expr {}

    record Unary(String op, Expr operand) implements Expr {}

    record Binary(String op, Expr left, Expr right) implements Expr {}

    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }
}
