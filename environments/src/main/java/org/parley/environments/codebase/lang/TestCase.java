package org.parley.environments.codebase.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One input-to-output check, written {@code net(5, 3) => 15} in test files (one per line,
 * {@code #} comments allowed).
 */
public record TestCase(String function, List<Long> args, long expected) {
    private static final Pattern LINE =
            Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^)]*)\\)\\s*=>\\s*(-?\\d+)\\s*");

    public TestCase {
        args = List.copyOf(args);
    }

    public String render() {
        return function + "(" + args.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ") => " + expected;
    }

    /** Parses a test file; a malformed line is reported with its number. */
    public static List<TestCase> parseFile(String path, String text) {
        var out = new ArrayList<TestCase>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new FnException(path + ":" + (i + 1) + ": expected 'name(1, 2) => 3' but found '" + line + "'");
            }
            var args = new ArrayList<Long>();
            for (String a : m.group(2).split(",")) {
                if (!a.isBlank()) args.add(Long.parseLong(a.strip()));
            }
            out.add(new TestCase(m.group(1), args, Long.parseLong(m.group(3))));
        }
        return out;
    }

    /** Runs this check; the result carries the actual value or the error. */
    public TestResult run(FnProgram program) {
        try {
            long actual = program.call(function, args);
            return new TestResult(this, actual == expected, String.valueOf(actual));
        } catch (FnException e) {
            return new TestResult(this, false, e.getMessage());
        }
    }

    /** Outcome of one check. */
    public record TestResult(TestCase test, boolean passed, String actual) {
        public String render() {
            return (passed ? "PASS " : "FAIL ") + test.render() + (passed ? "" : "  (got " + actual + ")");
        }
    }
}
