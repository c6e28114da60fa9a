package org.parley.environments.codebase.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.merge.ContentMergeStrategy;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.parley.environments.codebase.lang.FnException;
import org.parley.environments.codebase.lang.FnProgram;
import org.parley.environments.codebase.lang.TestCase;
import org.parley.environments.codebase.task.Feature;

/**
 * Judges a team's submissions the way CooperBench does: test-file edits are stripped, the branches
 * are merged with a plain 3-way merge (JGit's resolve merger, in core), a conflicting merge is
 * retried with JGit's union content strategy (both sides of every conflict hunk kept, ours first),
 * and each feature's hidden tests run on the merged tree. More than two branches are merged one
 * after another in submission order, each against the base commit.
 */
public final class MergeOracle {

    /** Files under this folder are tests: edits to them never reach the merge. */
    public static final String TEST_FOLDER = "tests/";

    /** One agent's handed-in branch head. */
    public record Submission(String agent, ObjectId commit) {}

    public MergeReport judge(TeamRepository repo, List<Submission> submissions, List<Feature> features) {
        if (submissions.isEmpty()) {
            var none = new LinkedHashMap<String, Boolean>();
            features.forEach(f -> none.put(f.id(), false));
            return new MergeReport(MergeReport.MISSING, List.of(), false, repo.read(repo.base()), none, 0);
        }
        var baseTree = repo.read(repo.base());
        int stripped = 0;
        boolean missing = false;
        var heads = new ArrayList<ObjectId>();
        for (Submission s : submissions) {
            var tree = repo.read(s.commit());
            var clean = stripTestEdits(baseTree, tree);
            ObjectId head = s.commit();
            if (!clean.equals(tree)) {
                stripped++;
                head = repo.commit(clean, s.commit(), "strip test edits of " + s.agent());
            }
            if (clean.equals(baseTree)) missing = true;
            heads.add(head);
        }
        var conflicts = new TreeSet<String>();
        boolean unionResolved = true;
        ObjectId acc = heads.getFirst();
        for (int i = 1; i < heads.size(); i++) {
            ObjectId next = heads.get(i);
            ObjectId tree = merge(repo, acc, next, ContentMergeStrategy.CONFLICT, conflicts);
            if (tree == null) {
                tree = merge(repo, acc, next, ContentMergeStrategy.UNION, null);
                if (tree == null) {
                    // Not a content conflict (nothing in this format produces one); keep what merged so far.
                    unionResolved = false;
                    continue;
                }
            }
            acc = repo.commitTree(tree, "merge " + submissions.get(i).agent(), acc, next);
        }
        var merged = repo.read(acc);
        var passed = new LinkedHashMap<String, Boolean>();
        FnProgram program;
        try {
            program = FnProgram.parse(merged);
        } catch (FnException e) {
            program = null;
        }
        for (Feature f : features) {
            FnProgram p = program;
            passed.put(f.id(), p != null && f.hiddenTests().stream().allMatch(t -> t.run(p).passed()));
        }
        String status = missing ? MergeReport.MISSING : conflicts.isEmpty() ? MergeReport.CLEAN : MergeReport.CONFLICTS;
        return new MergeReport(status, List.copyOf(conflicts), unionResolved, merged, passed, stripped);
    }

    /** A dry-run merge for the team view: which files would conflict if these heads were merged now. */
    public List<String> dryRun(TeamRepository repo, List<ObjectId> heads) {
        var conflicts = new TreeSet<String>();
        if (heads.size() < 2) return List.of();
        var baseTree = repo.read(repo.base());
        ObjectId acc = null;
        for (ObjectId h : heads) {
            var tree = repo.read(h);
            var clean = stripTestEdits(baseTree, tree);
            ObjectId head = clean.equals(tree) ? h : repo.commit(clean, h, "strip");
            if (acc == null) {
                acc = head;
                continue;
            }
            ObjectId merged = merge(repo, acc, head, ContentMergeStrategy.CONFLICT, conflicts);
            if (merged == null) merged = merge(repo, acc, head, ContentMergeStrategy.UNION, null);
            if (merged != null) acc = repo.commitTree(merged, "dry-run", acc, head);
        }
        return List.copyOf(conflicts);
    }

    /** Runs hidden tests of features on a tree (used to check commitments against one branch). */
    public static boolean passes(Map<String, String> tree, Feature feature) {
        try {
            FnProgram p = FnProgram.parse(tree);
            for (TestCase t : feature.hiddenTests()) if (!t.run(p).passed()) return false;
            return true;
        } catch (FnException e) {
            return false;
        }
    }

    /** The tree with every file under {@link #TEST_FOLDER} reset to the base version. */
    public static TreeMap<String, String> stripTestEdits(Map<String, String> base, Map<String, String> tree) {
        var out = new TreeMap<String, String>();
        tree.forEach((path, text) -> {
            if (!path.startsWith(TEST_FOLDER)) out.put(path, text);
        });
        base.forEach((path, text) -> {
            if (path.startsWith(TEST_FOLDER)) out.put(path, text);
        });
        return out;
    }

    private static ObjectId merge(TeamRepository repo, ObjectId ours, ObjectId theirs, ContentMergeStrategy strategy,
            TreeSet<String> conflicts) {
        try {
            var merger = (ResolveMerger) MergeStrategy.RESOLVE.newMerger(repo.repository(), true);
            merger.setContentMergeStrategy(strategy);
            merger.setBase(repo.base());
            if (merger.merge(ours, theirs)) return merger.getResultTreeId();
            if (conflicts != null) {
                conflicts.addAll(merger.getUnmergedPaths());
                conflicts.addAll(merger.getFailingPaths() == null ? List.of() : merger.getFailingPaths().keySet());
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
