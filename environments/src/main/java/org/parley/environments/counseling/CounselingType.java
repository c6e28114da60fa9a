package org.parley.environments.counseling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.spi.EnvironmentType;
import org.parley.environments.spi.RuleBasedMinds;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/** {@code environment.type: counseling} — a multi-session course between a simulated client and a counselor. */
public final class CounselingType implements EnvironmentType<CounselingParams>, RuleBasedMinds<CounselingParams> {

    @Override
    public String name() {
        return "counseling";
    }

    @Override
    public String summary() {
        return "Multi-session counseling: a CBT-modelled client and a staged counselor, audited for risk and alliance";
    }

    @Override
    public List<String> roles(CounselingParams parameters) {
        return List.of(CounselingEnvironment.ROLE_CLIENT, CounselingEnvironment.ROLE_COUNSELOR);
    }

    @Override
    public List<String> check(CounselingParams p) {
        var problems = new ArrayList<String>();
        if (p.sessions() < 1 || p.sessions() > 20) {
            problems.add("sessions: must be 1..20, was " + p.sessions());
        }
        if (p.maxRounds() < 1 || p.maxRounds() > 200) {
            problems.add("max-rounds: must be 1..200, was " + p.maxRounds() + "; the counseling studies use up to 50");
        }
        if (!(p.distressRebound() >= 0 && p.distressRebound() <= 1)) {
            problems.add("distress-rebound: must be 0..1, was " + p.distressRebound());
        }
        if (!(p.trustCarryover() >= 0 && p.trustCarryover() <= 1)) {
            problems.add("trust-carryover: must be 0..1, was " + p.trustCarryover());
        }
        if (!List.of("none", "client", "counselor").contains(p.critic())) {
            problems.add("critic: must be none, client or counselor, was '" + p.critic() + "'");
        }
        return problems;
    }

    /** {@code sessions × max-rounds}: a course ends after its last session, each at most {@code max-rounds} rounds. */
    @Override
    public Optional<RoundCap> roundCap(CounselingParams parameters) {
        return Optional.of(new RoundCap(parameters.sessions() * parameters.maxRounds(), "sessions × max-rounds"));
    }

    @Override
    public Environment create(CounselingParams parameters, EpisodeContext context) {
        return new CounselingEnvironment(parameters);
    }

    @Override
    public Mind ruleBasedMind(CounselingParams parameters, AgentSetup agent, EpisodeContext context) {
        return switch (agent.role()) {
            case CounselingEnvironment.ROLE_CLIENT -> new ClientMind(agent.persona(), agent.seed());
            case CounselingEnvironment.ROLE_COUNSELOR -> new CounselorMind(agent.policy(), agent.params(), agent.seed());
            default -> throw new IllegalArgumentException("counseling has no role '" + agent.role()
                    + "'; use client or counselor");
        };
    }
}
