package org.parley.environments.codebase.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-level edits of function-table sources. They work on lines, never on a parse tree, so they
 * also apply to files that no longer parse (an agent's half-finished edit or a union merge).
 */
public final class SourceEdits {
    private static final Pattern DEF = Pattern.compile("\\s*def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(.*");

    private SourceEdits() {}

    /** Line range [first, last] (0-based, inclusive) of a function's def..end block, or null. */
    public static int[] span(String source, String function) {
        List<String> lines = lines(source);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = DEF.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals(function)) {
                for (int j = i + 1; j < lines.size(); j++) {
                    if (lines.get(j).strip().equals("end")) return new int[] {i, j};
                    if (DEF.matcher(lines.get(j)).matches()) return new int[] {i, j - 1};
                }
                return new int[] {i, lines.size() - 1};
            }
        }
        return null;
    }

    /** The def..end text of a function, or null when the file does not define it. */
    public static String functionText(String source, String function) {
        int[] s = span(source, function);
        if (s == null) return null;
        return String.join("\n", lines(source).subList(s[0], s[1] + 1));
    }

    /** Replaces a function's def..end block; appends the block when the function is absent. */
    public static String replaceFunction(String source, String function, String block) {
        int[] s = span(source, function);
        if (s == null) return appendFunction(source, block);
        List<String> lines = new ArrayList<>(lines(source));
        List<String> replacement = lines(block.strip());
        lines.subList(s[0], s[1] + 1).clear();
        lines.addAll(s[0], replacement);
        return join(lines);
    }

    /** Appends a function block after the last line, separated by a blank line. */
    public static String appendFunction(String source, String block) {
        String base = source.stripTrailing();
        return (base.isEmpty() ? "" : base + "\n\n") + block.strip() + "\n";
    }

    /** Inserts a body line right after a function's def line. */
    public static String insertFirstBodyLine(String source, String function, String bodyLine) {
        int[] s = span(source, function);
        if (s == null) throw new FnException("no function " + function + " to insert into");
        List<String> lines = new ArrayList<>(lines(source));
        lines.add(s[0] + 1, bodyLine);
        return join(lines);
    }

    /** The right-hand side of {@code let name = …} inside a function, or null. */
    public static String letValue(String source, String function, String name) {
        int[] s = span(source, function);
        if (s == null) return null;
        Pattern let = Pattern.compile("\\s*let\\s+" + Pattern.quote(name) + "\\s*=(.*)");
        List<String> lines = lines(source);
        for (int i = s[0] + 1; i <= s[1]; i++) {
            Matcher m = let.matcher(lines.get(i));
            if (m.matches()) return m.group(1).strip();
        }
        return null;
    }

    /** Replaces the right-hand side of the first {@code let name = …} inside a function. */
    public static String replaceLetValue(String source, String function, String name, String value) {
        int[] s = span(source, function);
        if (s == null) throw new FnException("no function " + function);
        Pattern let = Pattern.compile("(\\s*let\\s+" + Pattern.quote(name) + "\\s*=).*");
        List<String> lines = new ArrayList<>(lines(source));
        for (int i = s[0] + 1; i <= s[1]; i++) {
            Matcher m = let.matcher(lines.get(i));
            if (m.matches()) {
                lines.set(i, m.group(1) + " " + value);
                return join(lines);
            }
        }
        throw new FnException("no 'let " + name + "' in function " + function);
    }

    /** Names of functions defined in a source, in file order. */
    public static List<String> functionNames(String source) {
        var out = new ArrayList<String>();
        for (String line : lines(source)) {
            Matcher m = DEF.matcher(line);
            if (m.matches()) out.add(m.group(1));
        }
        return out;
    }

    /**
     * Which functions differ between two versions of a tree, as {@code file#function}, sorted.
     * Added and removed functions count; so does any change in a file without functions.
     */
    public static TreeSet<String> changedFunctions(Map<String, String> before, Map<String, String> after) {
        var out = new TreeSet<String>();
        var paths = new TreeSet<String>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            String a = before.getOrDefault(path, "");
            String b = after.getOrDefault(path, "");
            if (a.equals(b)) continue;
            var names = new TreeSet<String>(functionNames(a));
            names.addAll(functionNames(b));
            boolean any = false;
            for (String name : names) {
                if (!Objects.equals(functionText(a, name), functionText(b, name))) {
                    out.add(path + "#" + name);
                    any = true;
                }
            }
            if (!any) out.add(path + "#");
        }
        return out;
    }

    /** A copy of a tree; sorted so iteration order is stable. */
    public static TreeMap<String, String> copy(Map<String, String> tree) {
        return new TreeMap<>(tree);
    }

    static List<String> lines(String source) {
        String s = source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n", -1));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
