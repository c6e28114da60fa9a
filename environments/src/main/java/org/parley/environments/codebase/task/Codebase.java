package org.parley.environments.codebase.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.environments.codebase.lang.FnProgram;

/**
 * A small bundled program in the function-table language. Bundled codebases live in resources as
 * {@code codebase/<name>.cb}: a sequence of files, each introduced by a line {@code --- <path>}.
 */
public record Codebase(String name, Map<String, String> files) {

    /** Names of the bundled codebases. */
    public static final List<String> BUNDLED = List.of("shop", "payroll", "school");

    public Codebase {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Loads a bundled codebase by name; the parse check guarantees tasks start from working code. */
    public static Codebase bundled(String name) {
        return CACHE.computeIfAbsent(name, Codebase::load);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Codebase> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static Codebase load(String name) {
        if (!BUNDLED.contains(name)) {
            throw new IllegalArgumentException("unknown codebase '" + name + "'; bundled ones are " + BUNDLED);
        }
        String resource = "/codebase/" + name + ".cb";
        try (InputStream in = Codebase.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            Codebase cb = parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            FnProgram.parse(cb.files());
            return cb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a {@code .cb} bundle into files. */
    public static Codebase parse(String name, String bundle) {
        var files = new TreeMap<String, String>();
        String path = null;
        var lines = new ArrayList<String>();
        for (String line : bundle.split("\n", -1)) {
            if (line.startsWith("--- ")) {
                if (path != null) files.put(path, String.join("\n", lines).strip() + "\n");
                path = line.substring(4).strip();
                lines.clear();
            } else if (path != null) {
                lines.add(line);
            }
        }
        if (path != null) files.put(path, String.join("\n", lines).strip() + "\n");
        if (files.isEmpty()) throw new IllegalArgumentException("codebase " + name + " has no '--- <path>' sections");
        return new Codebase(name, files);
    }
}
