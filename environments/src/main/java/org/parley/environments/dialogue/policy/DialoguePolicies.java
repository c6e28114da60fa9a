package org.parley.environments.dialogue.policy;

import java.util.List;
import org.parley.agents.mind.AgentSetup;
import org.parley.environments.dialogue.setting.DialogueParams;
import org.parley.environments.dialogue.setting.Objective;
import org.parley.environments.dialogue.setting.RoleBrief;
import org.parley.runtime.mind.Mind;

/** The rule-based policies of the dialogue environment, by name. */
public final class DialoguePolicies {

    public static final List<String> NAMES = List.of(
            NegotiatorMind.POLICY, SmallTalkMind.POLICY, RefuserMind.POLICY, FavourAskerMind.POLICY);

    private DialoguePolicies() {}

    /** The policy used when a scenario names none: the one that pursues the role's objective. */
    public static String defaultFor(Objective objective) {
        return switch (objective) {
            case Objective.Negotiate n -> NegotiatorMind.POLICY;
            case Objective.AskFavour a -> FavourAskerMind.POLICY;
            case Objective.RefuseFavour r -> RefuserMind.POLICY;
            case Objective.SmallTalk s -> SmallTalkMind.POLICY;
        };
    }

    /** Builds the mind for one agent; fails with the place and the fix on a bad policy or parameter. */
    public static Mind create(DialogueParams params, AgentSetup agent) {
        RoleBrief brief = params.role(agent.role());
        String policy = agent.policy() == null || agent.policy().isBlank() ? defaultFor(brief.objective()) : agent.policy();
        var persona = agent.persona() == null ? org.parley.agents.persona.Persona.named(agent.id()) : agent.persona();
        var rel = params.relationship();
        return switch (policy) {
            case NegotiatorMind.POLICY -> new NegotiatorMind(agent.id(), persona, agent.seed(), brief, rel,
                    new PolicyOptions(policy, agent.id(), agent.params(), NegotiatorMind.KNOWN));
            case SmallTalkMind.POLICY -> new SmallTalkMind(agent.id(), persona, agent.seed(), brief, rel,
                    new PolicyOptions(policy, agent.id(), agent.params(), SmallTalkMind.KNOWN));
            case RefuserMind.POLICY -> new RefuserMind(agent.id(), persona, agent.seed(), brief, rel,
                    new PolicyOptions(policy, agent.id(), agent.params(), RefuserMind.KNOWN));
            case FavourAskerMind.POLICY -> new FavourAskerMind(agent.id(), persona, agent.seed(), brief, rel,
                    new PolicyOptions(policy, agent.id(), agent.params(), FavourAskerMind.KNOWN));
            default -> throw new IllegalArgumentException("agents." + agent.id() + ".mind.policy: unknown dialogue policy '"
                    + policy + "'; choose one of " + NAMES);
        };
    }
}
