package org.parley.environments.codebase;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.parley.environments.codebase.task.Codebase;
import org.parley.environments.codebase.task.OverlapMix;

/**
 * Parameters of the {@code codebase} environment (scenario keys in kebab-case).
 *
 * @param codebases   bundled codebases tasks are drawn from (default: all)
 * @param features    features per task; 0 means one per agent, but at least two (so a solo agent
 *                    gets the pair a team of two would split)
 * @param overlap     weights of how a feature's gold change overlaps an earlier one's
 * @param messaging   whether {@code send_message} is offered
 * @param teamView    whether the read-only team view ({@code peer_diff}, {@code dry_run_merge}) is offered
 * @param stepBudget  tool calls per agent before its workspace is submitted for it
 * @param costBudget  optional cap on an agent's estimated tokens (characters read and written / 4); 0 = none
 * @param maxWaitMillis cap on send-and-wait ({@code wait} seconds of send_message), as in the paper's 60 s
 * @param taskSeed    seed of the task family; the task of an episode depends on it and on the
 *                    episode's number, not on the condition, so conditions are compared on the same tasks
 * @param externalTests optional command that {@code run_tests} also runs inside the workspace; null = off
 */
public record CodebaseParams(
        List<String> codebases,
        int features,
        OverlapMix overlap,
        boolean messaging,
        boolean teamView,
        int stepBudget,
        double costBudget,
        long maxWaitMillis,
        long taskSeed,
        ExternalTests externalTests) {

    @JsonCreator
    public CodebaseParams(
            @JsonProperty("codebases") List<String> codebases,
            @JsonProperty("features") Integer features,
            @JsonProperty("overlap") OverlapMix overlap,
            @JsonProperty("messaging") Boolean messaging,
            @JsonProperty("team-view") Boolean teamView,
            @JsonProperty("step-budget") Integer stepBudget,
            @JsonProperty("cost-budget") Double costBudget,
            @JsonProperty("max-wait-millis") Long maxWaitMillis,
            @JsonProperty("task-seed") Long taskSeed,
            @JsonProperty("external-tests") ExternalTests externalTests) {
        this(codebases == null || codebases.isEmpty() ? Codebase.BUNDLED : List.copyOf(codebases),
                features == null ? 0 : features,
                overlap == null ? OverlapMix.DEFAULT : overlap,
                messaging == null || messaging,
                teamView != null && teamView,
                stepBudget == null ? 30 : stepBudget,
                costBudget == null ? 0 : costBudget,
                maxWaitMillis == null ? 60_000 : maxWaitMillis,
                taskSeed == null ? 1 : taskSeed,
                externalTests);
    }

    public static CodebaseParams defaults() {
        return new CodebaseParams(null, (Integer) null, null, null, null, null, null, null, null, null);
    }

    public CodebaseParams withMessaging(boolean on) {
        return new CodebaseParams(codebases, features, overlap, on, teamView, stepBudget, costBudget, maxWaitMillis, taskSeed, externalTests);
    }

    public CodebaseParams withTeamView(boolean on) {
        return new CodebaseParams(codebases, features, overlap, messaging, on, stepBudget, costBudget, maxWaitMillis, taskSeed, externalTests);
    }

    public CodebaseParams withExternalTests(ExternalTests tests) {
        return new CodebaseParams(codebases, features, overlap, messaging, teamView, stepBudget, costBudget, maxWaitMillis, taskSeed, tests);
    }

    public CodebaseParams withFeatures(int n) {
        return new CodebaseParams(codebases, n, overlap, messaging, teamView, stepBudget, costBudget, maxWaitMillis, taskSeed, externalTests);
    }

    public CodebaseParams withStepBudget(int n) {
        return new CodebaseParams(codebases, features, overlap, messaging, teamView, n, costBudget, maxWaitMillis, taskSeed, externalTests);
    }

    /** Features of a task for a team of {@code agents}. */
    public int featuresFor(int agents) {
        return features > 0 ? features : Math.max(2, agents);
    }

    /** Problems as "field: what is wrong; how to fix". */
    public List<String> problems() {
        var out = new ArrayList<String>();
        for (String c : codebases) {
            if (!Codebase.BUNDLED.contains(c)) {
                out.add("codebases: unknown codebase '" + c + "'; use some of " + Codebase.BUNDLED);
            }
        }
        if (features < 0 || features > 4) out.add("features: must be 0 (one per agent) or 1..4, was " + features);
        if (stepBudget < 3) out.add("step-budget: must be at least 3 (read, edit, submit), was " + stepBudget);
        if (costBudget < 0) out.add("cost-budget: must be >= 0 (0 = no cap), was " + costBudget);
        if (maxWaitMillis < 0) out.add("max-wait-millis: must be >= 0, was " + maxWaitMillis);
        if (externalTests != null && externalTests.command().isEmpty()) {
            out.add("external-tests.command: must name a program, e.g. [sh, -c, './check.sh']; remove external-tests to turn it off");
        }
        if (externalTests != null && externalTests.timeoutMillis() <= 0) {
            out.add("external-tests.timeout-millis: must be positive, was " + externalTests.timeoutMillis());
        }
        return out;
    }
}
