package org.parley.environments.codebase;

import java.util.List;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.codebase.task.Codebase;
import org.parley.environments.codebase.task.CodingTask;
import org.parley.environments.codebase.task.TaskGenerator;
import org.parley.environments.spi.EnvironmentType;
import org.parley.environments.spi.RuleBasedMinds;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.seed.Seeds;

/** {@code environment.type: codebase} — collaborative coding with a merge oracle (CooperBench). */
public final class CodebaseEnvironmentType implements EnvironmentType<CodebaseParams>, RuleBasedMinds<CodebaseParams> {
    public static final String NAME = "codebase";
    public static final String ROLE = "coder";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Coders implement features on their own git branches; the branches are merged and hidden tests judge (CooperBench).";
    }

    @Override
    public List<String> roles(CodebaseParams parameters) {
        return List.of(ROLE);
    }

    @Override
    public List<String> check(CodebaseParams parameters) {
        return parameters.problems();
    }

    @Override
    public Environment create(CodebaseParams parameters, EpisodeContext context) {
        var ids = context.agents().stream().map(EpisodeContext.Participant::id).toList();
        return new CodebaseEnvironment(parameters, task(parameters, context.episodeId(), context.seed(), ids.size()), ids);
    }

    @Override
    public Mind ruleBasedMind(CodebaseParams parameters, AgentSetup agent, EpisodeContext context) {
        if (agent.policy() != null && !agent.policy().equals(CoderMind.POLICY)) {
            throw new IllegalArgumentException("agents." + agent.id() + ".mind.policy: the codebase environment has the rule-based policy '"
                    + CoderMind.POLICY + "', not '" + agent.policy() + "'");
        }
        return new CoderMind(agent.id(), CoderTraits.of(agent.persona(), agent.params()), agent.seed())
                .withWaitMillis(parameters.maxWaitMillis());
    }

    /**
     * The task of an episode. It depends on the task seed and the episode's number (the digits at
     * the end of its id, e.g. {@code coop/0007}), not on the condition, so solo and coop episodes
     * with the same number work on the same features; ids without a number fall back to the seed.
     */
    public static CodingTask task(CodebaseParams parameters, String episodeId, long episodeSeed, int agents) {
        long taskSeed = Seeds.derive(parameters.taskSeed(), "codebase-task");
        var digits = episodeId == null ? "" : episodeId.replaceAll("^.*?(\\d+)$", "$1");
        long key = !digits.isEmpty() && digits.matches("\\d{1,18}") ? Long.parseLong(digits) : episodeSeed;
        long seed = Seeds.derive(taskSeed, "episode-" + key);
        int features = parameters.featuresFor(agents);
        var cacheKey = new TaskKey(parameters.codebases(), parameters.overlap(), seed, features);
        CodingTask cached = TASKS.get(cacheKey);
        if (cached != null) return cached;
        var generator = new TaskGenerator(parameters.codebases().stream().map(Codebase::bundled).toList(), parameters.overlap());
        CodingTask task = generator.generate(seed, features);
        if (TASKS.size() >= 4096) TASKS.clear();
        TASKS.put(cacheKey, task);
        return task;
    }

    /** Tasks are immutable and every condition of a run asks for the same ones: generate each once. */
    private record TaskKey(java.util.List<String> codebases, org.parley.environments.codebase.task.OverlapMix overlap, long seed, int features) {}

    private static final java.util.concurrent.ConcurrentHashMap<TaskKey, CodingTask> TASKS = new java.util.concurrent.ConcurrentHashMap<>();
}
