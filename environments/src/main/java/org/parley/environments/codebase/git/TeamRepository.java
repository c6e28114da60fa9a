package org.parley.environments.codebase.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The team's git repository, held in memory: one base commit and a branch per agent. Commits carry
 * a fixed identity and timestamp so object ids, and with them every transcript, are reproducible.
 */
public final class TeamRepository implements AutoCloseable {
    private static final PersonIdent IDENT = new PersonIdent("parley", "parley@localhost", 0L, 0);

    private final InMemoryRepository repo;
    private final ObjectId base;

    public TeamRepository(String name, Map<String, String> baseTree) {
        this.repo = new InMemoryRepository(new DfsRepositoryDescription(name));
        this.base = commit(baseTree, null, "base");
        setBranch("main", base);
    }

    public Repository repository() {
        return repo;
    }

    public ObjectId base() {
        return base;
    }

    /** Creates a commit whose tree is exactly {@code tree} (flat paths with '/' folders). */
    public ObjectId commit(Map<String, String> tree, ObjectId parent, String message) {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            ObjectId treeId = writeTree(ins, new TreeMap<>(tree), "");
            var cb = new CommitBuilder();
            cb.setTreeId(treeId);
            if (parent != null) cb.setParentId(parent);
            cb.setAuthor(IDENT);
            cb.setCommitter(IDENT);
            cb.setMessage(message);
            ObjectId id = ins.insert(cb);
            ins.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a commit for an existing tree object, with the given parents. */
    public ObjectId commitTree(ObjectId treeId, String message, ObjectId... parents) {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            var cb = new CommitBuilder();
            cb.setTreeId(treeId);
            cb.setParentIds(parents);
            cb.setAuthor(IDENT);
            cb.setCommitter(IDENT);
            cb.setMessage(message);
            ObjectId id = ins.insert(cb);
            ins.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectId writeTree(ObjectInserter ins, TreeMap<String, String> tree, String prefix) throws IOException {
        // Git orders tree entries by name with folders compared as "name/"; build children first.
        var entries = new TreeMap<String, Object>();
        var folders = new TreeMap<String, TreeMap<String, String>>();
        for (var e : tree.entrySet()) {
            String rel = e.getKey();
            int slash = rel.indexOf('/');
            if (slash < 0) {
                entries.put(rel, e.getValue());
            } else {
                folders.computeIfAbsent(rel.substring(0, slash), k -> new TreeMap<>()).put(rel.substring(slash + 1), e.getValue());
            }
        }
        for (var f : folders.entrySet()) entries.put(f.getKey() + "/", writeTree(ins, f.getValue(), prefix + f.getKey() + "/"));
        var fmt = new TreeFormatter();
        for (var e : entries.entrySet()) {
            if (e.getValue() instanceof ObjectId sub) {
                fmt.append(e.getKey().substring(0, e.getKey().length() - 1), FileMode.TREE, sub);
            } else {
                ObjectId blob = ins.insert(Constants.OBJ_BLOB, ((String) e.getValue()).getBytes(StandardCharsets.UTF_8));
                fmt.append(e.getKey(), FileMode.REGULAR_FILE, blob);
            }
        }
        return ins.insert(fmt);
    }

    /** Points {@code refs/heads/<branch>} at a commit. */
    public void setBranch(String branch, ObjectId commit) {
        try {
            RefUpdate u = repo.updateRef(Constants.R_HEADS + branch);
            u.setNewObjectId(commit);
            u.setForceUpdate(true);
            u.update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commit a branch points at, or null. */
    public ObjectId branch(String branch) {
        try {
            var ref = repo.exactRef(Constants.R_HEADS + branch);
            return ref == null ? null : ref.getObjectId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a commit. */
    public TreeMap<String, String> read(ObjectId commit) {
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            RevCommit c = walk.parseCommit(commit);
            return readTree(reader, c.getTree());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a tree object. */
    public TreeMap<String, String> readTree(ObjectReader reader, ObjectId tree) throws IOException {
        var out = new TreeMap<String, String>();
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(tree);
            tw.setRecursive(true);
            while (tw.next()) {
                out.put(tw.getPathString(), new String(reader.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        repo.close();
    }
}
