package org.parley.environments.codebase;

import java.util.List;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.parley.environments.codebase.task.Feature;

/** One agent's branch and working tree, with its budget accounting. */
final class Workspace {
    final String agent;
    final List<Feature> features;
    TreeMap<String, String> tree;
    ObjectId head;
    boolean dirty;
    String lastChange = "";
    int steps;
    int messages;
    double cost;
    boolean submitted;
    boolean exhausted;

    Workspace(String agent, List<Feature> features, TreeMap<String, String> tree, ObjectId head) {
        this.agent = agent;
        this.features = List.copyOf(features);
        this.tree = tree;
        this.head = head;
    }
}
