package org.parley.environments.codebase.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.parley.environments.codebase.lang.FnException;
import org.parley.environments.codebase.lang.FnFunction;
import org.parley.environments.codebase.lang.FnProgram;
import org.parley.environments.codebase.lang.Statement;
import org.parley.environments.codebase.lang.TestCase;

/**
 * Generates tasks of k features over a bundled codebase. Each new feature is placed relative to an
 * earlier one by a draw from the {@link OverlapMix} (another file, the same file, the same
 * function), so merge conflicts arise from the task, not from a rule. Every task is checked before
 * use: the base fails each feature's hidden tests, each gold change alone passes its own, and all
 * gold changes applied together pass all hidden tests (so a perfect team can always succeed).
 */
public final class TaskGenerator {
    private static final int MAX_INPUT = 40;
    private static final int ATTEMPTS = 60;
    private static final List<String> NEW_NAMES =
            List.of("rebate", "surcharge", "bonus_points", "penalty", "margin", "quota", "levy", "credit");

    private final List<Codebase> codebases;
    private final OverlapMix mix;

    public TaskGenerator(List<Codebase> codebases, OverlapMix mix) {
        if (codebases.isEmpty()) throw new IllegalArgumentException("a task generator needs at least one codebase");
        this.codebases = List.copyOf(codebases);
        this.mix = mix;
    }

    /** A task with {@code featureCount} features, fully determined by the seed. */
    public CodingTask generate(long seed, int featureCount) {
        if (featureCount < 1 || featureCount > 4) {
            throw new IllegalArgumentException("features per task must be 1..4, was " + featureCount);
        }
        var rnd = new SplittableRandom(seed);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CodingTask task = tryGenerate(rnd.split(), featureCount);
            if (task != null) return task;
        }
        throw new IllegalStateException("could not generate a valid task of " + featureCount
                + " features in " + ATTEMPTS + " attempts (seed " + seed + ")");
    }

    private record Target(String file, FnFunction function) {}

    private CodingTask tryGenerate(SplittableRandom rnd, int k) {
        Codebase cb = codebases.get(rnd.nextInt(codebases.size()));
        var program = FnProgram.parse(cb.files());
        var targets = new ArrayList<Target>();
        for (var file : cb.files().entrySet()) {
            if (!file.getKey().endsWith(".fn")) continue;
            for (FnFunction f : FnProgram.parseFile(file.getKey(), file.getValue())) targets.add(new Target(file.getKey(), f));
        }
        var changes = new ArrayList<FeatureChange>();
        var regions = new LinkedHashMap<String, List<Region>>();
        var usedNames = new ArrayList<String>();
        for (int i = 0; i < k; i++) {
            FeatureChange change = null;
            for (int tries = 0; tries < 20 && change == null; tries++) {
                change = place(rnd, cb, targets, changes, regions, usedNames);
            }
            if (change == null) return null;
            changes.add(change);
            if (change instanceof FeatureChange.AddFunction a) usedNames.add(a.function());
        }
        try {
            return build(rnd, cb, program, changes, regions);
        } catch (FnException e) {
            return null;
        }
    }

    private FeatureChange place(SplittableRandom rnd, Codebase cb, List<Target> targets, List<FeatureChange> earlier,
            Map<String, List<Region>> regions, List<String> usedNames) {
        Target target;
        boolean addFunction;
        if (earlier.isEmpty()) {
            target = targets.get(rnd.nextInt(targets.size()));
            addFunction = rnd.nextDouble() < 0.2;
        } else {
            FeatureChange anchor = earlier.get(rnd.nextInt(earlier.size()));
            switch (mix.draw(rnd.nextDouble())) {
                case NONE -> {
                    var others = targets.stream().filter(t -> earlier.stream().noneMatch(c -> c.file().equals(t.file()))).toList();
                    if (others.isEmpty()) others = targets.stream().filter(t -> !t.file().equals(anchor.file())).toList();
                    if (others.isEmpty()) return null;
                    target = others.get(rnd.nextInt(others.size()));
                    addFunction = rnd.nextDouble() < 0.2;
                }
                case SAME_FILE -> {
                    var same = targets.stream().filter(t -> t.file().equals(anchor.file())
                            && earlier.stream().noneMatch(c -> c.function().equals(t.function().name()))).toList();
                    addFunction = same.isEmpty() || (rnd.nextDouble() < 0.25 && !(anchor instanceof FeatureChange.AddFunction));
                    target = same.isEmpty() ? targets.stream().filter(t -> t.file().equals(anchor.file())).findFirst().orElseThrow()
                            : same.get(rnd.nextInt(same.size()));
                }
                default -> {
                    if (anchor instanceof FeatureChange.AddFunction) {
                        target = targets.stream().filter(t -> t.file().equals(anchor.file())).findFirst().orElseThrow();
                        addFunction = true;
                    } else {
                        target = targets.stream().filter(t -> t.function().name().equals(anchor.function())).findFirst().orElseThrow();
                        addFunction = false;
                        if (anchor instanceof FeatureChange.WrapLet w && rnd.nextDouble() < 0.6) {
                            Region r = nextRegion(rnd, target, regions);
                            if (r == null) return null;
                            return new FeatureChange.WrapLet(target.file(), target.function().name(), target.function().params(),
                                    w.variable(), r, value(rnd, target.function(), true));
                        }
                    }
                }
            }
        }
        FnFunction f = target.function();
        if (addFunction) {
            var free = NEW_NAMES.stream().filter(n -> !usedNames.contains(n)).toList();
            String name = free.get(rnd.nextInt(free.size())) + "_" + f.name();
            if (usedNames.contains(name)) return null;
            String body = switch (rnd.nextInt(3)) {
                case 0 -> f.name() + "(a, b) * " + (2 + rnd.nextInt(3)) + " + " + (1 + rnd.nextInt(9));
                case 1 -> "max(a - b, 0) * " + (2 + rnd.nextInt(4));
                default -> "a * " + (2 + rnd.nextInt(4)) + " + b / " + (2 + rnd.nextInt(3));
            };
            return new FeatureChange.AddFunction(target.file(), name, List.of("a", "b"), body);
        }
        Region region = nextRegion(rnd, target, regions);
        if (region == null) return null;
        var lets = f.body().stream().filter(s -> s instanceof Statement.Let).map(s -> ((Statement.Let) s).name()).toList();
        if (!lets.isEmpty() && rnd.nextDouble() < 0.5) {
            return new FeatureChange.WrapLet(target.file(), f.name(), f.params(), lets.get(rnd.nextInt(lets.size())),
                    region, value(rnd, f, true));
        }
        return new FeatureChange.Guard(target.file(), f.name(), f.params(), region, value(rnd, f, false));
    }

    /** Regions of one function are disjoint by construction: each parameter gets a high and a low band. */
    private Region nextRegion(SplittableRandom rnd, Target target, Map<String, List<Region>> regions) {
        var used = regions.computeIfAbsent(target.function().name(), n -> new ArrayList<>());
        var params = target.function().params();
        var slots = new ArrayList<Region>();
        for (int p = 0; p < params.size(); p++) {
            slots.add(new Region(params.get(p), p, ">", 24 + rnd.nextInt(8)));
            slots.add(new Region(params.get(p), p, "<", 4 + rnd.nextInt(5)));
        }
        var free = slots.stream().filter(s -> used.stream().noneMatch(u -> u.paramIndex() == s.paramIndex() && u.op().equals(s.op()))).toList();
        if (free.isEmpty()) return null;
        Region r = free.get(rnd.nextInt(free.size()));
        used.add(r);
        return r;
    }

    private String value(SplittableRandom rnd, FnFunction f, boolean local) {
        String p = f.params().get(rnd.nextInt(f.params().size()));
        return switch (rnd.nextInt(local ? 3 : 2)) {
            case 0 -> p + " * " + (2 + rnd.nextInt(4)) + " + " + (1 + rnd.nextInt(9));
            case 1 -> String.valueOf(11 + rnd.nextInt(80));
            default -> p + " + " + (1 + rnd.nextInt(9));
        };
    }

    private CodingTask build(SplittableRandom rnd, Codebase cb, FnProgram baseProgram, List<FeatureChange> changes,
            Map<String, List<Region>> regions) {
        var base = new TreeMap<>(cb.files());
        var gold = new TreeMap<>(base);
        for (FeatureChange c : changes) gold = c.applyTo(gold);
        var goldProgram = FnProgram.parse(gold);
        var features = new ArrayList<Feature>();
        for (int i = 0; i < changes.size(); i++) {
            FeatureChange c = changes.get(i);
            var alone = FnProgram.parse(c.applyTo(base));
            List<List<Long>> inputs = inputs(rnd, c, baseProgram, regions);
            if (inputs == null) return null;
            var hidden = new ArrayList<TestCase>();
            for (List<Long> args : inputs) hidden.add(new TestCase(c.function(), args, alone.call(c.function(), args)));
            boolean baseFails = hidden.stream().anyMatch(t -> !t.run(baseProgram).passed());
            boolean goldPasses = hidden.stream().allMatch(t -> t.run(goldProgram).passed());
            if (!baseFails || !goldPasses) return null;
            // Mistakes must be detectable by the hidden tests, or a careless coder could not fail.
            for (FeatureChange.Bug bug : FeatureChange.Bug.values()) {
                var buggy = FnProgram.parse(c.withBug(bug).applyTo(base));
                if (hidden.stream().allMatch(t -> t.run(buggy).passed())) return null;
            }
            // Visible: the first in-region case and the last (regression) case, not the boundaries.
            var visible = c instanceof FeatureChange.AddFunction ? List.of(hidden.get(0))
                    : List.of(hidden.get(1), hidden.get(hidden.size() - 1));
            features.add(new Feature("f" + (i + 1), c, hidden, visible));
        }
        var baseTree = new TreeMap<>(base);
        for (Feature f : features) {
            var sb = new StringBuilder("# Visible tests for feature " + f.id() + ": " + f.description() + "\n");
            for (TestCase t : f.visibleTests()) sb.append(t.render()).append('\n');
            baseTree.put(f.testPath(), sb.toString());
        }
        var overlaps = new TreeMap<String, CodingTask.Overlap>();
        for (int i = 0; i < features.size(); i++) {
            for (int j = i + 1; j < features.size(); j++) {
                overlaps.put(features.get(i).id() + "/" + features.get(j).id(),
                        CodingTask.Overlap.of(changes.get(i), changes.get(j)));
            }
        }
        return new CodingTask(cb.name(), baseTree, features, overlaps);
    }

    /**
     * Inputs for a change's hidden tests: for a region change, the inside edge, two inside points
     * and two outside points (one on the bound) — all outside the other features' regions of the
     * function; for a new function, four random points.
     */
    private List<List<Long>> inputs(SplittableRandom rnd, FeatureChange c, FnProgram baseProgram, Map<String, List<Region>> regions) {
        if (c instanceof FeatureChange.AddFunction) {
            var out = new ArrayList<List<Long>>();
            for (int i = 0; i < 4; i++) out.add(List.of((long) rnd.nextInt(1, MAX_INPUT), (long) rnd.nextInt(0, 12)));
            return out;
        }
        Region region = c instanceof FeatureChange.Guard g ? g.region() : ((FeatureChange.WrapLet) c).region();
        int arity = baseProgram.function(c.function()).params().size();
        var others = regions.getOrDefault(c.function(), List.of()).stream().filter(r -> !r.equals(region)).toList();
        var out = new ArrayList<List<Long>>();
        out.add(sample(rnd, arity, region, region.edgeInside(), true, others));
        out.add(sample(rnd, arity, region, -1, true, others));
        out.add(sample(rnd, arity, region, -1, true, others));
        out.add(sample(rnd, arity, region, region.bound(), false, others));
        out.add(sample(rnd, arity, region, -1, false, others));
        return out.contains(null) ? null : out;
    }

    private List<Long> sample(SplittableRandom rnd, int arity, Region region, long fixed, boolean inside, List<Region> others) {
        for (int tries = 0; tries < 200; tries++) {
            var args = new ArrayList<Long>();
            for (int i = 0; i < arity; i++) args.add((long) rnd.nextInt(1, MAX_INPUT));
            if (fixed >= 0) args.set(region.paramIndex(), fixed);
            if (region.contains(args) != inside) continue;
            if (others.stream().anyMatch(o -> o.contains(args) || o.inclusive().contains(args))) continue;
            return List.copyOf(args);
        }
        return null;
    }
}
