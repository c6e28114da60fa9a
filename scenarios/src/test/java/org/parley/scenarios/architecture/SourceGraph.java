package org.parley.scenarios.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which top-level types of a module's sources refer to which others, read from the source text:
 * single-type imports, fully qualified names, and simple names of types of the same package or of
 * an imported package. A nested type counts as its top-level type. Comments and string literals are
 * left out, and so is a sealed type's {@code permits} clause: a sealed type names its subtypes by
 * the rules of the language, which is no dependency on them.
 */
final class SourceGraph {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern PERMITS = Pattern.compile("\\bpermits\\b[^{]*");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(org\\.parley(?:\\.[a-z]\\w*)+)\\.([A-Z]\\w*)");
    private static final Pattern NAME = Pattern.compile("\\b([A-Z]\\w*)\\b");

    /** Top-level type (fully qualified) to the top-level types of the same module it refers to. */
    final Map<String, Set<String>> edges = new TreeMap<>();

    private SourceGraph() {}

    static SourceGraph of(Path sourceRoot) {
        var graph = new SourceGraph();
        Map<String, String> code = new HashMap<>();
        Map<String, Set<String>> typesByPackage = new HashMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = stripCommentsAndStrings(Files.readString(file));
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) {
                    continue; // package-info without a package line: nothing to check
                }
                String name = file.getFileName().toString().replace(".java", "");
                if (name.equals("package-info")) {
                    continue;
                }
                String type = p.group(1) + "." + name;
                code.put(type, text);
                typesByPackage.computeIfAbsent(p.group(1), k -> new TreeSet<>()).add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var entry : code.entrySet()) {
            graph.edges.put(entry.getKey(), references(entry.getKey(), entry.getValue(), typesByPackage));
        }
        return graph;
    }

    private static Set<String> references(String type, String text, Map<String, Set<String>> typesByPackage) {
        String pkg = type.substring(0, type.lastIndexOf('.'));
        Map<String, String> visible = new HashMap<>();
        for (String name : typesByPackage.getOrDefault(pkg, Set.of())) {
            visible.put(name, pkg + "." + name);
        }
        var refs = new LinkedHashSet<String>();
        Matcher imports = IMPORT.matcher(text);
        while (imports.find()) {
            String target = imports.group(2);
            if (imports.group(3) != null) {
                for (String name : typesByPackage.getOrDefault(target, Set.of())) {
                    visible.putIfAbsent(name, target + "." + name);
                }
            } else {
                String top = topLevel(target, typesByPackage);
                if (top != null) {
                    refs.add(top);
                }
            }
        }
        String body = PERMITS.matcher(IMPORT.matcher(text).replaceAll("")).replaceAll("");
        Matcher qualified = QUALIFIED.matcher(body);
        while (qualified.find()) {
            String top = topLevel(qualified.group(1) + "." + qualified.group(2), typesByPackage);
            if (top != null) {
                refs.add(top);
            }
        }
        Matcher names = NAME.matcher(body);
        while (names.find()) {
            String target = visible.get(names.group(1));
            if (target != null) {
                refs.add(target);
            }
        }
        refs.remove(type);
        return refs;
    }

    /** The top-level type a qualified name lies in (for a nested type or a static member), or null if not in the module. */
    private static String topLevel(String qualified, Map<String, Set<String>> typesByPackage) {
        String[] parts = qualified.split("\\.");
        var pkg = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (i > 0) {
                pkg.append('.');
            }
            pkg.append(parts[i]);
            if (typesByPackage.getOrDefault(pkg.toString(), Set.of()).contains(parts[i + 1])) {
                return pkg + "." + parts[i + 1];
            }
        }
        return null;
    }

    /** Cycles among types: strongly connected groups of more than one type, each sorted. */
    List<List<String>> typeCycles() {
        return Cycles.of(edges);
    }

    /** Cycles among packages. */
    List<List<String>> packageCycles() {
        Map<String, Set<String>> packages = new TreeMap<>();
        edges.forEach((from, tos) -> {
            String a = from.substring(0, from.lastIndexOf('.'));
            var set = packages.computeIfAbsent(a, k -> new TreeSet<>());
            for (String to : tos) {
                String b = to.substring(0, to.lastIndexOf('.'));
                if (!a.equals(b)) {
                    set.add(b);
                }
            }
        });
        return Cycles.of(packages);
    }

    /** The source with comments, string and character literals and text blocks blanked out. */
    static String stripCommentsAndStrings(String s) {
        var out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? s.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Tarjan's strongly connected components, the groups of more than one node. */
    static final class Cycles {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final Set<String> onStack = new java.util.HashSet<>();
        private final List<List<String>> found = new ArrayList<>();

        private Cycles(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        static List<List<String>> of(Map<String, Set<String>> graph) {
            var c = new Cycles(graph);
            for (String node : graph.keySet()) {
                if (!c.index.containsKey(node)) {
                    c.visit(node);
                }
            }
            return c.found;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            onStack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                var group = new ArrayList<String>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    onStack.remove(w);
                    group.add(w);
                } while (!w.equals(v));
                if (group.size() > 1) {
                    group.sort(null);
                    found.add(group);
                }
            }
        }
    }
}
