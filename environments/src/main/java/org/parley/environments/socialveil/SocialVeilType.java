package org.parley.environments.socialveil;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.spi.EnvironmentType;
import org.parley.environments.spi.RuleBasedMinds;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.mind.Mind;

/** {@code environment.type: socialveil} — two-person episodes under communication barriers. */
public final class SocialVeilType implements EnvironmentType<SocialVeilParams>, RuleBasedMinds<SocialVeilParams> {

    @Override
    public String name() {
        return "socialveil";
    }

    @Override
    public String summary() {
        return "Two-person Sotopia-style episode; agent A may carry a communication barrier (vague, cultural, emotional)";
    }

    @Override
    public List<String> roles(SocialVeilParams parameters) {
        return List.of(SocialVeilEnvironment.ROLE_A, SocialVeilEnvironment.ROLE_B);
    }

    @Override
    public List<String> check(SocialVeilParams p) {
        var problems = new ArrayList<String>();
        if (p.maxRounds() < 1 || p.maxRounds() > 200) {
            problems.add("max-rounds: must be 1..200, was " + p.maxRounds() + "; SocialVeil uses 20");
        }
        if (p.goodbyeAfterRound() < 0) {
            problems.add("goodbye-after-round: must be >= 0, was " + p.goodbyeAfterRound());
        }
        if (p.situation() >= SituationCatalog.size() || p.situation() < -1) {
            problems.add("situation: must be 0.." + (SituationCatalog.size() - 1) + " (or -1 / absent to pick by seed), was "
                    + p.situation());
        }
        problems.addAll(p.barrier().problems("barrier."));
        return problems;
    }

    /** {@code max-rounds}: the episode ends with reason {@code max-rounds} after that many rounds. */
    @Override
    public Optional<RoundCap> roundCap(SocialVeilParams parameters) {
        return Optional.of(new RoundCap(parameters.maxRounds(), "max-rounds"));
    }

    @Override
    public Environment create(SocialVeilParams parameters, EpisodeContext context) {
        return new SocialVeilEnvironment(parameters);
    }

    @Override
    public Mind ruleBasedMind(SocialVeilParams parameters, AgentSetup agent, EpisodeContext context) {
        return new SocialVeilMind(agent.persona(), agent.params(), agent.seed());
    }
}
