package org.parley.environments.codebase.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program of the function-table language: every {@code *.fn} file of a tree, parsed into one
 * global table of functions. Source layout, one statement per line:
 *
 * <pre>
 * # comment
 * def net(price, qty):
 *   let gross = price * qty
 *   if qty &gt; 30: return gross * 9 / 10
 *   return gross + 3
 * end
 * </pre>
 *
 * Functions of all files call each other by name; builtins are {@code if(c, a, b)} (lazy),
 * {@code min}, {@code max}, {@code abs}. Evaluation is bounded by a fuel counter so a runaway
 * recursion fails one test instead of the episode.
 */
public final class FnProgram {
    private static final Pattern DEF = Pattern.compile("def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^)]*)\\)\\s*:\\s*");
    private static final Pattern LET = Pattern.compile("let\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)");
    private static final Pattern GUARD = Pattern.compile("if\\s+(.+?):\\s*return\\b(.*)");
    private static final Pattern RETURN = Pattern.compile("return\\b(.*)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long FUEL = 100_000;

    private final Map<String, FnFunction> functions;

    private FnProgram(Map<String, FnFunction> functions) {
        this.functions = functions;
    }

    /** Parses every {@code .fn} file of a tree (path to content). */
    public static FnProgram parse(Map<String, String> tree) {
        var table = new TreeMap<String, FnFunction>();
        for (var file : tree.entrySet()) {
            if (!file.getKey().endsWith(".fn")) continue;
            for (FnFunction f : parseFile(file.getKey(), file.getValue())) {
                FnFunction before = table.put(f.name(), f);
                if (before != null) {
                    throw new FnException(f.file() + ":" + f.line() + ": function " + f.name()
                            + " is already defined at " + before.file() + ":" + before.line()
                            + "; rename or remove one of them");
                }
            }
        }
        return new FnProgram(table);
    }

    /**
     * Parsed files by path and content. Parsing is pure and the same few thousand file versions
     * recur across episodes, so a bounded cache removes most of the cost of running tests.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Object> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 20_000;

    /** Parses one source file (cached; a file that does not parse throws each time). */
    @SuppressWarnings("unchecked")
    public static List<FnFunction> parseFile(String file, String source) {
        String key = file + '\u0000' + source;
        Object hit = PARSED.get(key);
        if (hit == null) {
            try {
                hit = List.copyOf(parseUncached(file, source));
            } catch (FnException e) {
                hit = e.getMessage();
            }
            if (PARSED.size() >= CACHE_LIMIT) PARSED.clear();
            PARSED.put(key, hit);
        }
        if (hit instanceof String error) throw new FnException(error);
        return (List<FnFunction>) hit;
    }

    private static List<FnFunction> parseUncached(String file, String source) {
        var out = new ArrayList<FnFunction>();
        String[] lines = source.split("\n", -1);
        String name = null;
        List<String> params = null;
        List<Statement> body = null;
        int defLine = 0;
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String where = file + ":" + no;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (name == null) {
                Matcher m = DEF.matcher(line);
                if (!m.matches()) {
                    throw new FnException(where + ": expected 'def name(params):' but found '" + line + "'");
                }
                name = m.group(1);
                params = new ArrayList<>();
                for (String p : m.group(2).split(",")) {
                    if (p.isBlank()) continue;
                    if (!NAME.matcher(p.strip()).matches()) {
                        throw new FnException(where + ": bad parameter name '" + p.strip() + "'");
                    }
                    params.add(p.strip());
                }
                body = new ArrayList<>();
                defLine = no;
                continue;
            }
            if (line.equals("end")) {
                if (body.isEmpty() || !(body.getLast() instanceof Statement.Return)) {
                    throw new FnException(where + ": function " + name + " must end with a return statement");
                }
                out.add(new FnFunction(file, defLine, name, params, body));
                name = null;
                continue;
            }
            Matcher m;
            if ((m = LET.matcher(line)).matches()) {
                body.add(new Statement.Let(no, m.group(1), ExprParser.parse(m.group(2), where)));
            } else if ((m = GUARD.matcher(line)).matches()) {
                body.add(new Statement.Guard(no, ExprParser.parse(m.group(1), where), ExprParser.parse(m.group(2), where)));
            } else if ((m = RETURN.matcher(line)).matches()) {
                body.add(new Statement.Return(no, ExprParser.parse(m.group(1), where)));
            } else {
                throw new FnException(where + ": expected 'let', 'if …: return …', 'return' or 'end' but found '" + line + "'");
            }
        }
        if (name != null) {
            throw new FnException(file + ":" + defLine + ": function " + name + " has no 'end'");
        }
        return out;
    }

    public boolean defines(String function) {
        return functions.containsKey(function);
    }

    public FnFunction function(String name) {
        return functions.get(name);
    }

    /** Calls a function with integer arguments. */
    public long call(String function, List<Long> args) {
        long[] fuel = {FUEL};
        return invoke(function, args, fuel, 0, "test");
    }

    private long invoke(String name, List<Long> args, long[] fuel, int depth, String where) {
        FnFunction f = functions.get(name);
        if (f == null) {
            throw new FnException(where + ": no function named " + name);
        }
        if (args.size() != f.params().size()) {
            throw new FnException(where + ": " + name + " takes " + f.params().size() + " arguments, got " + args.size());
        }
        if (depth > 64) {
            throw new FnException(where + ": calls nested deeper than 64 (endless recursion?)");
        }
        var locals = new HashMap<String, Long>();
        for (int i = 0; i < args.size(); i++) locals.put(f.params().get(i), args.get(i));
        for (Statement s : f.body()) {
            String at = f.file() + ":" + s.line();
            switch (s) {
                case Statement.Let let -> locals.put(let.name(), eval(let.value(), locals, fuel, depth, at));
                case Statement.Guard g -> {
                    if (eval(g.condition(), locals, fuel, depth, at) != 0) {
                        return eval(g.value(), locals, fuel, depth, at);
                    }
                }
                case Statement.Return r -> {
                    return eval(r.value(), locals, fuel, depth, at);
                }
            }
        }
        throw new FnException(f.file() + ":" + f.line() + ": " + name + " ended without returning");
    }

    private long eval(Expr e, Map<String, Long> locals, long[] fuel, int depth, String at) {
        if (--fuel[0] < 0) {
            throw new FnException(at + ": ran out of evaluation fuel");
        }
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.Var v -> {
                Long value = locals.get(v.name());
                if (value == null) throw new FnException(at + ": unknown name " + v.name());
                yield value;
            }
            case Expr.Unary u -> {
                long x = eval(u.operand(), locals, fuel, depth, at);
                yield u.op().equals("-") ? -x : (x == 0 ? 1 : 0);
            }
            case Expr.Binary b -> binary(b, locals, fuel, depth, at);
            case Expr.Call c -> call(c, locals, fuel, depth, at);
        };
    }

    private long binary(Expr.Binary b, Map<String, Long> locals, long[] fuel, int depth, String at) {
        long l = eval(b.left(), locals, fuel, depth, at);
        if (b.op().equals("and")) return l != 0 && eval(b.right(), locals, fuel, depth, at) != 0 ? 1 : 0;
        if (b.op().equals("or")) return l != 0 || eval(b.right(), locals, fuel, depth, at) != 0 ? 1 : 0;
        long r = eval(b.right(), locals, fuel, depth, at);
        return switch (b.op()) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "*" -> l * r;
            case "/", "%" -> {
                if (r == 0) throw new FnException(at + ": division by zero");
                yield b.op().equals("/") ? Math.floorDiv(l, r) : Math.floorMod(l, r);
            }
            case "<" -> l < r ? 1 : 0;
            case "<=" -> l <= r ? 1 : 0;
            case ">" -> l > r ? 1 : 0;
            case ">=" -> l >= r ? 1 : 0;
            case "==" -> l == r ? 1 : 0;
            case "!=" -> l != r ? 1 : 0;
            default -> throw new FnException(at + ": unknown operator " + b.op());
        };
    }

    private long call(Expr.Call c, Map<String, Long> locals, long[] fuel, int depth, String at) {
        switch (c.function()) {
            case "if" -> {
                if (c.args().size() != 3) throw new FnException(at + ": if(cond, then, else) takes 3 arguments");
                return eval(c.args().get(0), locals, fuel, depth, at) != 0
                        ? eval(c.args().get(1), locals, fuel, depth, at)
                        : eval(c.args().get(2), locals, fuel, depth, at);
            }
            case "min", "max" -> {
                if (c.args().isEmpty()) throw new FnException(at + ": " + c.function() + " needs arguments");
                long acc = eval(c.args().getFirst(), locals, fuel, depth, at);
                for (int i = 1; i < c.args().size(); i++) {
                    long x = eval(c.args().get(i), locals, fuel, depth, at);
                    acc = c.function().equals("min") ? Math.min(acc, x) : Math.max(acc, x);
                }
                return acc;
            }
            case "abs" -> {
                if (c.args().size() != 1) throw new FnException(at + ": abs takes 1 argument");
                return Math.abs(eval(c.args().getFirst(), locals, fuel, depth, at));
            }
            default -> {
                var values = new ArrayList<Long>(c.args().size());
                for (Expr a : c.args()) values.add(eval(a, locals, fuel, depth, at));
                return invoke(c.function(), values, fuel, depth + 1, at);
            }
        }
    }
}
