package org.parley.environments.codebase.task;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.environments.codebase.lang.SourceEdits;

/**
 * The gold change a feature needs, in one of three shapes that a coder can also make with a
 * single {@code apply_patch}. Applying changes one after another composes them, which is how one
 * agent (or an owner who takes a partner's request) implements several features in one function.
 */
public sealed interface FeatureChange {

    /** The file the change touches. */
    String file();

    /** The function the change touches (for {@link AddFunction}, the new one). */
    String function();

    /** {@code file#function}: the unit agents announce and the metrics check commitments against. */
    default String target() {
        return file() + "#" + function();
    }

    /** Applies the change to a file's source. */
    String apply(String source);

    /** The same change with a mistake a hurried coder makes. */
    FeatureChange withBug(Bug bug);

    /** Plain-language statement of what must change. */
    String describe();

    /** Applies the change to a tree, returning a new tree. */
    default TreeMap<String, String> applyTo(Map<String, String> tree) {
        var out = new TreeMap<>(tree);
        out.put(file(), apply(tree.getOrDefault(file(), "")));
        return out;
    }

    /** Mistakes: an off-by-one boundary (visible tests miss it) or a wrong value (they catch it). */
    enum Bug { BOUNDARY, VALUE }

    /** Insert {@code if <region>: return <value>} as the function's first line. */
    record Guard(String file, String function, List<String> params, Region region, String value) implements FeatureChange {
        public Guard {
            params = List.copyOf(params);
        }

        @Override
        public String apply(String source) {
            return SourceEdits.insertFirstBodyLine(source, function, "  if " + region.render() + ": return " + value);
        }

        @Override
        public FeatureChange withBug(Bug bug) {
            return bug == Bug.BOUNDARY
                    ? new Guard(file, function, params, region.inclusive(), value)
                    : new Guard(file, function, params, region, value + " + 1");
        }

        @Override
        public String describe() {
            return "When " + region.render() + ", " + function + "(" + String.join(", ", params) + ") in " + file
                    + " must return " + value + "; for all other inputs it behaves as before.";
        }
    }

    /** Rewrite {@code let variable = old} to {@code let variable = if(<region>, <value>, old)}. */
    record WrapLet(String file, String function, List<String> params, String variable, Region region, String value)
            implements FeatureChange {
        public WrapLet {
            params = List.copyOf(params);
        }

        @Override
        public String apply(String source) {
            String old = SourceEdits.letValue(source, function, variable);
            if (old == null) {
                return SourceEdits.insertFirstBodyLine(source, function, "  let " + variable + " = " + value);
            }
            return SourceEdits.replaceLetValue(source, function, variable,
                    "if(" + region.render() + ", " + value + ", " + old + ")");
        }

        @Override
        public FeatureChange withBug(Bug bug) {
            return bug == Bug.BOUNDARY
                    ? new WrapLet(file, function, params, variable, region.inclusive(), value)
                    : new WrapLet(file, function, params, variable, region, value + " + 1");
        }

        @Override
        public String describe() {
            return "When " + region.render() + ", the local '" + variable + "' inside " + function + "("
                    + String.join(", ", params) + ") in " + file + " must be " + value
                    + " instead of its current value; nothing else changes.";
        }
    }

    /** Append a new function {@code name(params)} returning {@code body}. */
    record AddFunction(String file, String function, List<String> params, String body) implements FeatureChange {
        public AddFunction {
            params = List.copyOf(params);
        }

        @Override
        public String apply(String source) {
            return SourceEdits.appendFunction(source, block());
        }

        public String block() {
            return "def " + function + "(" + String.join(", ", params) + "):\n  return " + body + "\nend";
        }

        @Override
        public FeatureChange withBug(Bug bug) {
            return new AddFunction(file, function, params, body + " + 1");
        }

        @Override
        public String describe() {
            return "Add a function " + function + "(" + String.join(", ", params) + ") to " + file
                    + " that returns " + body + ".";
        }
    }
}
