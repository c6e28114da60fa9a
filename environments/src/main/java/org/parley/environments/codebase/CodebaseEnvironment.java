package org.parley.environments.codebase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.parley.environments.codebase.git.MergeOracle;
import org.parley.environments.codebase.git.MergeReport;
import org.parley.environments.codebase.git.TeamRepository;
import org.parley.environments.codebase.lang.FnException;
import org.parley.environments.codebase.lang.FnProgram;
import org.parley.environments.codebase.lang.SourceEdits;
import org.parley.environments.codebase.lang.TestCase;
import org.parley.environments.codebase.task.CodingTask;
import org.parley.environments.codebase.task.Feature;
import org.parley.environments.codebase.task.FeatureChanges;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.OrderedData;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;

/**
 * Collaborative coding on a shared repository (CooperBench's setting). Each agent owns a branch of
 * an in-memory JGit repository and a working tree; every edit is committed to its branch, which is
 * what the read-only team view shows. The episode ends when every agent has submitted (an agent
 * whose step or cost budget runs out is submitted as it stands); then the {@link MergeOracle}
 * merges the branches and runs each feature's hidden tests.
 *
 * <p>Features are dealt to agents in declared order (feature i to agent i mod n), so one agent
 * gets every feature (solo) and a team of k splits k features.
 */
public final class CodebaseEnvironment implements Environment {
    private final CodebaseParams params;
    private final CodingTask task;
    private final List<String> agentIds;
    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final Conversation conversation = new Conversation();
    private final MergeOracle oracle = new MergeOracle();
    private TeamRepository repo;
    private SimulationMetrics metrics = SimulationMetrics.NONE;
    private long turn;
    private int actions;
    private MergeReport report;
    private final Map<String, Boolean> commitmentKept = new LinkedHashMap<>();
    private Outcome outcome = Outcome.empty();

    public CodebaseEnvironment(CodebaseParams params, CodingTask task, List<String> agentIds) {
        if (agentIds.isEmpty()) throw new IllegalArgumentException("the codebase environment needs at least one coder");
        this.params = params;
        this.task = task;
        this.agentIds = List.copyOf(agentIds);
    }

    public CodingTask task() {
        return task;
    }

    /** The oracle's verdict once the episode is over, else null. */
    public MergeReport report() {
        return report;
    }

    @Override
    public Step start(EpisodeContext context) {
        metrics = context.metrics();
        var declared = context.agents().stream().map(EpisodeContext.Participant::id).toList();
        if (!declared.equals(agentIds)) {
            throw new IllegalArgumentException("episode " + context.episodeId() + " has agents " + declared
                    + " but the environment was built for " + agentIds);
        }
        repo = new TeamRepository(context.episodeId(), task.base());
        var step = Step.builder();
        int n = agentIds.size();
        for (int i = 0; i < n; i++) {
            String id = agentIds.get(i);
            var mine = new ArrayList<Feature>();
            for (int f = i; f < task.features().size(); f += n) mine.add(task.features().get(f));
            repo.setBranch(id, repo.base());
            workspaces.put(id, new Workspace(id, mine, new TreeMap<>(task.base()), repo.base()));
        }
        for (Workspace ws : workspaces.values()) step.observe(briefing(ws));
        step.event(new Fact("task", null, taskData()));
        return step.build();
    }

    private Map<String, Object> taskData() {
        var data = new LinkedHashMap<String, Object>();
        data.put("codebase", task.codebase());
        data.put("features", task.features().size());
        data.put("team-size", agentIds.size());
        data.put("overlap", task.maxOverlap().label());
        var pairs = new LinkedHashMap<String, Object>();
        task.overlaps().forEach((k, v) -> pairs.put(k, v.label()));
        data.put("overlaps", pairs);
        data.put("messaging", params.messaging());
        data.put("team-view", params.teamView());
        return data;
    }

    private Observation briefing(Workspace ws) {
        var others = agentIds.stream().filter(a -> !a.equals(ws.agent)).toList();
        var text = new StringBuilder();
        text.append("You are ").append(ws.agent).append(", a programmer. The repository holds a small program in a ")
                .append("function-table language (files *.fn: 'def name(params):', lines 'let x = expr', ")
                .append("'if cond: return expr', 'return expr', then 'end'; integers only; builtins if(c,a,b), min, max, abs). ")
                .append("Visible tests are in tests/*.test as 'name(args) => expected'; hidden tests decide.\n");
        text.append("Your feature").append(ws.features.size() > 1 ? "s:\n" : ":\n");
        for (Feature f : ws.features) text.append("- ").append(f.id()).append(": ").append(f.description()).append('\n');
        if (others.isEmpty()) {
            text.append("You work alone.");
        } else {
            text.append("Teammates ").append(String.join(", ", others))
                    .append(" implement other features on their own branches at the same time; all branches are merged at the end, ")
                    .append("and the work succeeds only if every feature passes after the merge.");
            if (params.messaging()) text.append(" You can message them with send_message.");
            if (params.teamView()) text.append(" You can look at their branches with peer_diff and dry_run_merge.");
        }
        text.append("\nBudget: ").append(params.stepBudget()).append(" tool calls. Finish with submit.");
        var data = new LinkedHashMap<String, Object>();
        data.put("role", "coder");
        data.put("team", agentIds);
        var features = new ArrayList<Map<String, Object>>();
        for (Feature f : ws.features) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", f.id());
            m.put("description", f.description());
            m.put("test", f.testPath());
            m.put("change", FeatureChanges.toMap(f.change()));
            features.add(m);
        }
        data.put("features", features);
        data.put("messaging", params.messaging() && !others.isEmpty());
        data.put("team-view", params.teamView() && !others.isEmpty());
        data.put("step-budget", params.stepBudget());
        data.put("files", List.copyOf(task.base().keySet()));
        return new Observation(ws.agent, 0, Observation.ENVIRONMENT, "briefing", text.toString(), data);
    }

    @Override
    public ActionSpace actionSpace(String agent) {
        Workspace ws = workspaces.get(agent);
        if (ws == null || ws.submitted || report != null) return CodebaseTools.DONE;
        return CodebaseTools.space(params.messaging(), params.teamView(), agentIds.size() == 1);
    }

    @Override
    public Step act(Action action) {
        Workspace ws = workspaces.get(action.agent());
        if (ws == null) {
            throw new IllegalArgumentException("no coder '" + action.agent() + "' in this episode; coders are " + agentIds);
        }
        var step = Step.builder();
        if (report != null || ws.submitted || action.is(ActionKinds.NONE)) {
            return step.build();
        }
        turn++;
        actions++;
        ws.steps++;
        ws.cost += (action.text().length() + String.valueOf(action.args()).length()) / 4.0;
        switch (action.kind()) {
            case CodebaseTools.LIST_FILES -> reply(step, ws, action, String.join("\n", ws.tree.keySet()),
                    Map.of("files", List.copyOf(ws.tree.keySet())));
            case CodebaseTools.READ_FILE -> readFile(step, ws, action);
            case CodebaseTools.WRITE_FILE -> writeFile(step, ws, action);
            case CodebaseTools.APPLY_PATCH -> applyPatch(step, ws, action);
            case CodebaseTools.RUN_TESTS -> runTests(step, ws, action);
            case CodebaseTools.SEND_MESSAGE -> sendMessage(step, ws, action);
            case CodebaseTools.PEER_DIFF -> peerDiff(step, ws, action);
            case CodebaseTools.DRY_RUN_MERGE -> dryRunMerge(step, ws, action);
            case CodebaseTools.SUBMIT -> {
                ws.submitted = true;
                step.event(new Fact("submitted", ws.agent, Map.of("steps", ws.steps)));
                reply(step, ws, action, "Submitted your branch.", Map.of());
            }
            default -> error(step, ws, action, "unknown tool '" + action.kind() + "'; use one of "
                    + actionSpace(ws.agent).tools().stream().map(ActionSpace.ToolSpec::name).toList());
        }
        if (!ws.submitted && (ws.steps >= params.stepBudget() || (params.costBudget() > 0 && ws.cost >= params.costBudget()))) {
            ws.submitted = true;
            ws.exhausted = true;
            String which = ws.steps >= params.stepBudget() ? "step" : "cost";
            step.event(new Fact("budget-exhausted", ws.agent, OrderedData.of("budget", which, "steps", ws.steps)));
            step.observe(new Observation(ws.agent, turn, Observation.ENVIRONMENT, "budget-exhausted",
                    "Your " + which + " budget is used up; your branch was submitted as it stands.", Map.of("budget", which)));
        }
        if (workspaces.values().stream().allMatch(w -> w.submitted)) {
            finish(step);
            step.end("all-submitted");
        }
        return step.build();
    }

    private void reply(Step.Builder step, Workspace ws, Action action, String text, Map<String, Object> data) {
        ws.cost += text.length() / 4.0;
        step.observe(new Observation(ws.agent, turn, Observation.ENVIRONMENT, action.kind(), text, data));
    }

    private void error(Step.Builder step, Workspace ws, Action action, String message) {
        var data = new LinkedHashMap<String, Object>();
        data.put("error", message);
        step.observe(new Observation(ws.agent, turn, Observation.ENVIRONMENT, action.kind(), "Error: " + message, data));
    }

    private String arg(Action action, String name) {
        Object v = action.args().get(name);
        return v == null ? null : String.valueOf(v);
    }

    private void readFile(Step.Builder step, Workspace ws, Action action) {
        String path = arg(action, "path");
        String content = path == null ? null : ws.tree.get(path);
        if (content == null) {
            error(step, ws, action, "no file '" + path + "'; list_files shows the files");
            return;
        }
        reply(step, ws, action, content, OrderedData.of("path", path, "content", content));
    }

    private void writeFile(Step.Builder step, Workspace ws, Action action) {
        String path = arg(action, "path");
        String content = arg(action, "content");
        if (path == null || path.isBlank() || content == null) {
            error(step, ws, action, "write_file needs 'path' and 'content'");
            return;
        }
        ws.tree.put(path, content.endsWith("\n") ? content : content + "\n");
        commit(ws, "write " + path);
        reply(step, ws, action, "Wrote " + path + ".", Map.of("path", path));
    }

    private void applyPatch(Step.Builder step, Workspace ws, Action action) {
        String path = arg(action, "path");
        String function = arg(action, "function");
        String code = arg(action, "code");
        if (path == null || function == null || code == null) {
            error(step, ws, action, "apply_patch needs 'path', 'function' and 'code'");
            return;
        }
        if (!code.strip().startsWith("def " + function + "(")) {
            error(step, ws, action, "'code' must be the whole block starting with 'def " + function + "('");
            return;
        }
        String before = ws.tree.getOrDefault(path, "");
        ws.tree.put(path, SourceEdits.replaceFunction(before, function, code));
        commit(ws, "patch " + path + "#" + function);
        reply(step, ws, action, "Patched " + function + " in " + path + ".", OrderedData.of("path", path, "function", function));
    }

    /** Marks the working tree changed; it is committed to the branch when someone looks (see {@link #head}). */
    private void commit(Workspace ws, String message) {
        ws.dirty = true;
        ws.lastChange = message;
    }

    /** The agent's branch head, committing pending workspace edits first (commits are lazy: they are the costly part). */
    private ObjectId head(Workspace ws) {
        if (ws.dirty) {
            ws.head = repo.commit(ws.tree, ws.head, ws.lastChange);
            repo.setBranch(ws.agent, ws.head);
            ws.dirty = false;
        }
        return ws.head;
    }

    private void runTests(Step.Builder step, Workspace ws, Action action) {
        String only = arg(action, "feature");
        var lines = new ArrayList<String>();
        var failing = new ArrayList<String>();
        int passed = 0;
        int failed = 0;
        FnProgram program = null;
        String parseError = null;
        try {
            program = FnProgram.parse(ws.tree);
        } catch (FnException e) {
            parseError = e.getMessage();
        }
        for (var file : ws.tree.entrySet()) {
            String path = file.getKey();
            if (!path.startsWith(MergeOracle.TEST_FOLDER) || !path.endsWith(".test")) continue;
            String feature = path.substring(MergeOracle.TEST_FOLDER.length(), path.length() - ".test".length());
            if (only != null && !only.equals(feature)) continue;
            List<TestCase> cases;
            try {
                cases = TestCase.parseFile(path, file.getValue());
            } catch (FnException e) {
                lines.add("ERROR " + e.getMessage());
                failing.add(feature);
                failed++;
                continue;
            }
            boolean ok = true;
            for (TestCase t : cases) {
                var r = program == null ? new TestCase.TestResult(t, false, parseError) : t.run(program);
                lines.add(r.render());
                if (r.passed()) passed++;
                else {
                    failed++;
                    ok = false;
                }
            }
            if (!ok) failing.add(feature);
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("passed", passed);
        data.put("failed", failed);
        data.put("failing", failing);
        if (params.externalTests() != null) {
            ExternalTests.Result ext = params.externalTests().run(ws.tree);
            data.put("external-exit", ext.exitCode());
            data.put("external-timed-out", ext.timedOut());
            lines.add("external " + params.externalTests().command() + ": "
                    + (ext.timedOut() ? "timed out" : "exit " + ext.exitCode()) + "\n" + ext.output());
        }
        step.event(new Fact("tests-run", ws.agent, data));
        reply(step, ws, action, passed + " passed, " + failed + " failed\n" + String.join("\n", lines), data);
    }

    private void sendMessage(Step.Builder step, Workspace ws, Action action) {
        if (!params.messaging() || agentIds.size() == 1) {
            error(step, ws, action, "messaging is not available in this condition");
            return;
        }
        String to = action.to() != null ? action.to() : arg(action, "to");
        String text = action.text().isBlank() && arg(action, "text") != null ? arg(action, "text") : action.text();
        if (to == null || !(to.equals("all") || (workspaces.containsKey(to) && !to.equals(ws.agent)))) {
            error(step, ws, action, "send_message needs 'to': a teammate (" + String.join(", ",
                    agentIds.stream().filter(a -> !a.equals(ws.agent)).toList()) + ") or 'all'");
            return;
        }
        if (text.isBlank()) {
            error(step, ws, action, "send_message needs a non-empty 'text'");
            return;
        }
        ws.messages++;
        var message = new Conversation.Message(turn, ws.agent, to, text);
        for (Conversation.Question q : conversation.record(message)) {
            step.event(new Coordination.Answer(ws.agent, String.valueOf(q.id()), OrderedData.of("question", q.id(), "asker", q.message().from(),
                    "delay", turn - q.message().turn())));
        }
        var data = new LinkedHashMap<String, Object>(action.args());
        data.put("from", ws.agent);
        data.put("to", to);
        data.put("text", text);
        if (Conversation.isQuestion(text)) {
            var q = conversation.ask(message);
            data.put("question", q.id());
            step.event(new Coordination.Question(ws.agent, to, String.valueOf(q.id()), OrderedData.of("question", q.id(), "to", to)));
        }
        for (Commitment c : CommitmentExtractor.extract(ws.agent, text, turn)) {
            if (conversation.commit(c)) {
                var cd = new LinkedHashMap<String, Object>();
                cd.put("kind", c.kind().label());
                cd.put("target", c.target());
                if (c.feature() != null) cd.put("feature", c.feature());
                step.event(new Coordination.CommitmentMade(ws.agent, cd));
            }
        }
        step.event(new Fact("message", ws.agent, OrderedData.of("to", to, "wait", action.waitMillis() > 0)));
        for (String other : agentIds) {
            if (other.equals(ws.agent) || !(to.equals("all") || to.equals(other))) continue;
            if (workspaces.get(other).submitted) continue;
            step.observe(new Observation(other, turn, ws.agent, CodebaseTools.SEND_MESSAGE,
                    "[Message from " + ws.agent + "]: " + text, data));
        }
        reply(step, ws, action, "Message sent to " + to + ".", Map.of("to", to));
    }

    private void peerDiff(Step.Builder step, Workspace ws, Action action) {
        if (!params.teamView()) {
            error(step, ws, action, "the team view is not available in this condition");
            return;
        }
        String peer = arg(action, "peer");
        Workspace other = peer == null ? null : workspaces.get(peer);
        if (other == null || other == ws) {
            error(step, ws, action, "peer_diff needs 'peer': one of your teammates");
            return;
        }
        var peerTree = repo.read(head(other));
        var changed = SourceEdits.changedFunctions(task.base(), MergeOracle.stripTestEdits(task.base(), peerTree));
        var functions = new LinkedHashMap<String, Object>();
        var text = new StringBuilder(peer + " changed " + (changed.isEmpty() ? "nothing yet" : String.join(", ", changed)) + "\n");
        for (String target : changed) {
            String[] parts = target.split("#", 2);
            String body = parts[1].isEmpty() ? null : SourceEdits.functionText(peerTree.getOrDefault(parts[0], ""), parts[1]);
            functions.put(target, body == null ? "" : body);
            if (body != null) text.append("--- ").append(target).append('\n').append(body).append('\n');
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("peer", peer);
        data.put("changed", List.copyOf(changed));
        data.put("functions", functions);
        data.put("submitted", other.submitted);
        reply(step, ws, action, text.toString(), data);
    }

    private void dryRunMerge(Step.Builder step, Workspace ws, Action action) {
        if (!params.teamView()) {
            error(step, ws, action, "the team view is not available in this condition");
            return;
        }
        var heads = new ArrayList<ObjectId>();
        heads.add(head(ws));
        workspaces.values().stream().filter(w -> w != ws).forEach(w -> heads.add(head(w)));
        var conflicts = oracle.dryRun(repo, heads);
        reply(step, ws, action, conflicts.isEmpty() ? "The merge would be clean." : "The merge would conflict in " + conflicts,
                Map.of("conflicts", conflicts));
    }

    @Override
    public Step end(String reason) {
        var step = Step.builder();
        if (report == null) {
            for (Workspace ws : workspaces.values()) {
                if (!ws.submitted) {
                    ws.submitted = true;
                    step.event(new Fact("submitted", ws.agent, OrderedData.of("steps", ws.steps, "by", reason)));
                }
            }
            finish(step);
        }
        return step.build();
    }

    private void finish(Step.Builder step) {
        var submissions = new ArrayList<MergeOracle.Submission>();
        for (Workspace ws : workspaces.values()) submissions.add(new MergeOracle.Submission(ws.agent, head(ws)));
        report = oracle.judge(repo, submissions, task.features());
        var base = task.base();
        var changedBy = new LinkedHashMap<String, java.util.TreeSet<String>>();
        var treeOf = new LinkedHashMap<String, TreeMap<String, String>>();
        for (Workspace ws : workspaces.values()) {
            var stripped = MergeOracle.stripTestEdits(base, ws.tree);
            treeOf.put(ws.agent, stripped);
            changedBy.put(ws.agent, SourceEdits.changedFunctions(base, stripped));
        }
        for (Commitment c : conversation.commitments()) {
            var changed = changedBy.get(c.agent());
            boolean kept = switch (c.kind()) {
                case CHANGE -> changed.contains(c.target());
                case KEEP_OUT -> !changed.contains(c.target());
                case INCLUDE -> task.features().stream().anyMatch(f -> f.id().equals(c.feature()))
                        && MergeOracle.passes(treeOf.get(c.agent()), task.feature(c.feature()));
            };
            commitmentKept.put(c.key(), kept);
            var cd = new LinkedHashMap<String, Object>();
            cd.put("kind", c.kind().label());
            cd.put("target", c.target());
            if (c.feature() != null) cd.put("feature", c.feature());
            step.event(kept ? new Coordination.CommitmentKept(c.agent(), cd) : new Coordination.CommitmentBroken(c.agent(), cd));
        }
        for (Conversation.Question q : conversation.questions()) {
            if (!q.answered()) {
                step.event(new Fact("question-unanswered", q.message().from(), OrderedData.of("question", q.id(), "to", q.message().to())));
            }
        }
        if (report.conflict()) {
            step.event(new Coordination.MergeConflict(null, OrderedData.of("paths", report.conflictPaths(), "union-resolved", report.unionResolved())));
        }
        var md = new LinkedHashMap<String, Object>();
        md.put("status", report.status());
        md.put("conflicts", report.conflictPaths());
        md.put("features", new LinkedHashMap<>(report.featurePassed()));
        md.put("stripped-test-edits", report.strippedTestEdits());
        md.put("success", report.success());
        step.event(new Fact("merge", null, md));
        // The coordination figures' success rate: did the team's merged work pass every feature's tests?
        step.event(new Coordination.JointSuccess(report.success()));
        outcome = computeOutcome();
        recordMetrics();
        repo.close();
    }

    private Outcome computeOutcome() {
        var episode = new LinkedHashMap<String, Double>();
        episode.put("success", report.success() ? 1.0 : 0.0);
        episode.put("merge_conflict", report.conflict() ? 1.0 : 0.0);
        episode.put("merge_clean", report.status().equals(MergeReport.CLEAN) ? 1.0 : 0.0);
        episode.put("merge_missing", report.status().equals(MergeReport.MISSING) ? 1.0 : 0.0);
        long passed = report.featurePassed().values().stream().filter(b -> b).count();
        episode.put("features_passed", (double) passed / task.features().size());
        report.featurePassed().forEach((id, ok) -> episode.put("feature_" + id, ok ? 1.0 : 0.0));
        int messages = workspaces.values().stream().mapToInt(w -> w.messages).sum();
        episode.put("messages", (double) messages);
        episode.put("message_share", actions == 0 ? 0.0 : (double) messages / actions);
        episode.put("questions", (double) conversation.questions().size());
        episode.put("unanswered_question_rate",
                conversation.questions().isEmpty() ? 0.0 : (double) conversation.unanswered() / conversation.questions().size());
        long made = commitmentKept.size();
        long kept = commitmentKept.values().stream().filter(b -> b).count();
        episode.put("commitments", (double) made);
        episode.put("commitments_kept", (double) kept);
        episode.put("commitment_keep_rate", made == 0 ? 0.0 : (double) kept / made);
        episode.put("message_repetition", conversation.repetitionRate());
        episode.put("steps", (double) actions);
        episode.put("budget_exhausted", (double) workspaces.values().stream().filter(w -> w.exhausted).count());
        episode.put("team_size", (double) agentIds.size());
        episode.put("feature_count", (double) task.features().size());
        episode.put("overlap", (double) task.maxOverlap().ordinal());
        var agents = new LinkedHashMap<String, Map<String, Double>>();
        for (Workspace ws : workspaces.values()) {
            var a = new LinkedHashMap<String, Double>();
            a.put("steps", (double) ws.steps);
            a.put("messages", (double) ws.messages);
            long own = ws.features.stream().filter(f -> report.featurePassed().getOrDefault(f.id(), false)).count();
            a.put("own_features_passed", ws.features.isEmpty() ? 0.0 : (double) own / ws.features.size());
            a.put("budget_exhausted", ws.exhausted ? 1.0 : 0.0);
            agents.put(ws.agent, a);
        }
        return new Outcome(agents, episode);
    }

    private void recordMetrics() {
        var status = Map.of("status", report.status());
        metrics.count("coding_episodes", 1, status);
        if (report.success()) metrics.count("coding_successes", 1, Map.of());
        if (report.conflict()) metrics.count("merge_conflicts", 1, Map.of());
        metrics.observe("message_share", outcome.episodeScores().get("message_share"), Map.of());
        metrics.observe("message_repetition", conversation.repetitionRate(), Map.of());
        metrics.count("questions_asked", conversation.questions().size(), Map.of());
        metrics.count("questions_unanswered", conversation.unanswered(), Map.of());
        long kept = commitmentKept.values().stream().filter(b -> b).count();
        metrics.count("commitments_made", commitmentKept.size(), Map.of());
        metrics.count("commitments_kept", kept, Map.of());
        metrics.count("commitments_broken", commitmentKept.size() - kept, Map.of());
        for (var f : report.featurePassed().entrySet()) {
            metrics.count("features_judged", 1, Map.of("passed", String.valueOf(f.getValue())));
        }
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }

    /** For tests and tools: the agents' current trees (copies). */
    Map<String, Map<String, String>> trees() {
        return workspaces.values().stream().collect(Collectors.toMap(w -> w.agent, w -> Map.copyOf(w.tree),
                (a, b) -> a, LinkedHashMap::new));
    }
}
