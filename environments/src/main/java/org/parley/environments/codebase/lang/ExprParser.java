package org.parley.environments.codebase.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for expressions. Precedence, lowest first: {@code or}, {@code and},
 * {@code not}, comparisons ({@code < <= > >= == !=}), {@code + -}, {@code * / %}, unary minus,
 * atoms (integers, names, calls, parentheses).
 */
final class ExprParser {
    private final String src;
    private final String where;
    private final List<String> tokens;
    private int pos;

    private ExprParser(String src, String where) {
        this.src = src;
        this.where = where;
        this.tokens = tokenize(src, where);
    }

    static Expr parse(String src, String where) {
        var p = new ExprParser(src, where);
        Expr e = p.or();
        if (p.pos != p.tokens.size()) {
            throw p.error("unexpected '" + p.tokens.get(p.pos) + "'");
        }
        return e;
    }

    private static List<String> tokenize(String s, String where) {
        var out = new ArrayList<String>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                out.add(s.substring(i, j));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                out.add(s.substring(i, j));
                i = j;
            } else if (i + 1 < s.length() && List.of("<=", ">=", "==", "!=").contains(s.substring(i, i + 2))) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if ("+-*/%<>(),".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                throw new FnException(where + ": unexpected character '" + c + "' in '" + s.strip() + "'");
            }
        }
        return out;
    }

    private FnException error(String what) {
        return new FnException(where + ": " + what + " in '" + src.strip() + "'");
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : "";
    }

    private boolean accept(String t) {
        if (peek().equals(t)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String t) {
        if (!accept(t)) {
            throw error("expected '" + t + "'" + (peek().isEmpty() ? " at end" : " before '" + peek() + "'"));
        }
    }

    private Expr or() {
        Expr e = and();
        while (accept("or")) e = new Expr.Binary("or", e, and());
        return e;
    }

    private Expr and() {
        Expr e = not();
        while (accept("and")) e = new Expr.Binary("and", e, not());
        return e;
    }

    private Expr not() {
        return accept("not") ? new Expr.Unary("not", not()) : comparison();
    }

    private Expr comparison() {
        Expr e = additive();
        while (List.of("<", "<=", ">", ">=", "==", "!=").contains(peek())) {
            String op = tokens.get(pos++);
            e = new Expr.Binary(op, e, additive());
        }
        return e;
    }

    private Expr additive() {
        Expr e = multiplicative();
        while (peek().equals("+") || peek().equals("-")) {
            String op = tokens.get(pos++);
            e = new Expr.Binary(op, e, multiplicative());
        }
        return e;
    }

    private Expr multiplicative() {
        Expr e = unary();
        while (peek().equals("*") || peek().equals("/") || peek().equals("%")) {
            String op = tokens.get(pos++);
            e = new Expr.Binary(op, e, unary());
        }
        return e;
    }

    private Expr unary() {
        return accept("-") ? new Expr.Unary("-", unary()) : atom();
    }

    private Expr atom() {
        String t = peek();
        if (t.isEmpty()) {
            throw error("expression ends too early");
        }
        pos++;
        if (t.equals("(")) {
            Expr e = or();
            expect(")");
            return e;
        }
        if (Character.isDigit(t.charAt(0))) {
            try {
                return new Expr.Num(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw error("number too large: " + t);
            }
        }
        if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
            if (List.of("and", "or", "not").contains(t)) {
                throw error("misplaced '" + t + "'");
            }
            if (accept("(")) {
                var args = new ArrayList<Expr>();
                if (!accept(")")) {
                    do {
                        args.add(or());
                    } while (accept(","));
                    expect(")");
                }
                return new Expr.Call(t, args);
            }
            return new Expr.Var(t);
        }
        throw error("unexpected '" + t + "'");
    }
}
