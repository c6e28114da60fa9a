package org.parley.agents.llm;

import org.parley.agents.persona.Persona;
import org.parley.runtime.metrics.SimulationMetrics;

/**
 * How one LLM-played agent is set up for one episode.
 *
 * @param agent          the agent's id
 * @param role           the environment role it plays
 * @param persona        who it is
 * @param goal           its private goal or instructions for this episode, or null
 * @param episodeId      the episode, for usage accounting
 * @param seed           the agent's seed (each call's seed is derived from it and the turn)
 * @param schedule       which model plays it from which turn
 * @param systemPrompt   system prompt template ({@code persona}, {@code agent}, {@code role}, {@code goal},
 *                       {@code format})
 * @param turnPrompt     per-turn template ({@code history}, {@code turn}, {@code agent}, {@code options})
 * @param repairPrompt   re-ask template ({@code problem}, {@code options})
 * @param maxRepairs     re-asks after an unusable answer before the turn is recorded as failed
 * @param memory         what the mind remembers
 * @param metrics        where repairs and failed turns are counted
 */
public record LlmMindConfig(
        String agent, String role, Persona persona, String goal, String episodeId, long seed, ModelSchedule schedule,
        PromptTemplate systemPrompt, PromptTemplate turnPrompt, PromptTemplate repairPrompt, int maxRepairs,
        LlmMemory memory, SimulationMetrics metrics) {

    public static final int DEFAULT_MAX_REPAIRS = 2;
    public static final int DEFAULT_WINDOW = 60;

    public LlmMindConfig {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("an LLM mind needs its agent id");
        }
        if (persona == null) {
            throw new IllegalArgumentException("agent " + agent + ": an LLM mind needs a persona");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("agent " + agent + ": an LLM mind needs a model (mind.model)");
        }
        if (maxRepairs < 0) {
            throw new IllegalArgumentException("agent " + agent + ": max-repairs must be >= 0, was " + maxRepairs);
        }
        systemPrompt = systemPrompt == null ? PromptTemplate.forRole(role) : systemPrompt;
        turnPrompt = turnPrompt == null ? PromptTemplate.bundled("turn") : turnPrompt;
        repairPrompt = repairPrompt == null ? PromptTemplate.bundled("repair") : repairPrompt;
        memory = memory == null ? new RecentWindow(DEFAULT_WINDOW) : memory;
        metrics = metrics == null ? SimulationMetrics.NONE : metrics;
    }

    /** An agent played by one model with the bundled prompts. */
    public static LlmMindConfig of(String agent, String role, Persona persona, String model) {
        return new LlmMindConfig(agent, role, persona, null, null, 0L, ModelSchedule.single(model), null, null, null,
                DEFAULT_MAX_REPAIRS, null, null);
    }

    public LlmMindConfig withGoal(String newGoal) {
        return new LlmMindConfig(agent, role, persona, newGoal, episodeId, seed, schedule, systemPrompt, turnPrompt,
                repairPrompt, maxRepairs, memory, metrics);
    }

    public LlmMindConfig inEpisode(String id, long agentSeed) {
        return new LlmMindConfig(agent, role, persona, goal, id, agentSeed, schedule, systemPrompt, turnPrompt,
                repairPrompt, maxRepairs, memory, metrics);
    }

    public LlmMindConfig withSchedule(ModelSchedule newSchedule) {
        return new LlmMindConfig(agent, role, persona, goal, episodeId, seed, newSchedule, systemPrompt, turnPrompt,
                repairPrompt, maxRepairs, memory, metrics);
    }

    /** Replaces the bundled prompts; pass null to keep one. Template text as scenarios give it. */
    public LlmMindConfig withPrompts(String systemText, String turnText, String repairText) {
        return new LlmMindConfig(agent, role, persona, goal, episodeId, seed, schedule,
                systemText == null ? systemPrompt : new PromptTemplate("system:" + agent, systemText),
                turnText == null ? turnPrompt : new PromptTemplate("turn:" + agent, turnText),
                repairText == null ? repairPrompt : new PromptTemplate("repair:" + agent, repairText),
                maxRepairs, memory, metrics);
    }

    public LlmMindConfig withMaxRepairs(int n) {
        return new LlmMindConfig(agent, role, persona, goal, episodeId, seed, schedule, systemPrompt, turnPrompt,
                repairPrompt, n, memory, metrics);
    }

    public LlmMindConfig withMemory(LlmMemory m) {
        return new LlmMindConfig(agent, role, persona, goal, episodeId, seed, schedule, systemPrompt, turnPrompt,
                repairPrompt, maxRepairs, m, metrics);
    }

    public LlmMindConfig withMetrics(SimulationMetrics m) {
        return new LlmMindConfig(agent, role, persona, goal, episodeId, seed, schedule, systemPrompt, turnPrompt,
                repairPrompt, maxRepairs, memory, m);
    }
}
