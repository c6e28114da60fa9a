package org.parley.environments.dialogue.policy;

import java.util.List;
import org.parley.agents.persona.Persona;
import org.parley.environments.dialogue.setting.DialogueArgs;
import org.parley.environments.dialogue.setting.Objective;
import org.parley.environments.dialogue.setting.Relationship;
import org.parley.environments.dialogue.setting.RoleBrief;
import org.parley.environments.dialogue.setting.Tone;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Observation;

/**
 * Declines requests. Firmness comes from the persona (low agreeableness and high conscientiousness
 * make it firmer) or from {@code firmness}; each repeated request raises the chance of giving in,
 * more so with people close to it. Giving in is a full yes for the agreeable, a compromise
 * otherwise. Asked again and again, a prickly refuser turns hostile.
 */
final class RefuserMind extends DialogueMind {

    static final String POLICY = "refuser";
    static final List<String> KNOWN = List.of("firmness", "excuse");

    private final double firmness;
    private final String excuse;
    private int requestsSeen;
    private boolean requestPending;
    private boolean yielded;
    private boolean askerSatisfied;

    RefuserMind(String agentId, Persona persona, long seed, RoleBrief brief, Relationship relationship,
            PolicyOptions options) {
        super(agentId, persona, POLICY, seed, brief, relationship, options);
        var t = traits();
        double derived = 0.35 + 0.45 * (1 - t.agreeableness()) + 0.2 * t.conscientiousness();
        this.firmness = clamp01(jitter(options.number("firmness", derived, 0, 1), 0.1));
        String fromObjective = brief.objective() instanceof Objective.RefuseFavour r ? r.excuse() : null;
        this.excuse = options.text("excuse", fromObjective != null ? fromObjective
                : pick(List.of("I've already got plans", "I really need it myself", "it's just not a good time for me")));
    }

    @Override
    protected void onOther(Observation o) {
        Object request = o.data().get(DialogueArgs.REQUEST);
        if (request != null && !Boolean.FALSE.equals(request)) {
            requestsSeen++;
            requestPending = true;
        }
        if (otherSaidGoodbye) {
            askerSatisfied = true;
        }
    }

    /**
     * Chance of giving in to the {@code attempt}-th request: grows with each attempt, shrinks with
     * firmness, and is more than twice as high for family or partners as for strangers.
     */
    double yieldProbability(int attempt) {
        return clamp01((1 - firmness) * Math.min(1, 0.3 * attempt) * (0.6 + relationship.closeness()));
    }

    @Override
    protected Action nextAction() {
        if (otherLeft) {
            return nothing();
        }
        if (iSaidGoodbye) {
            return leave("Bye.");
        }
        if (otherSaidGoodbye || askerSatisfied) {
            return goodbye();
        }
        if (requestPending) {
            requestPending = false;
            if (!yielded && chance(yieldProbability(requestsSeen))) {
                yielded = true;
                return chance(traits().agreeableness()) ? grant() : compromise();
            }
            return decline();
        }
        if (myTurns >= 8) {
            return goodbye();
        }
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("Hi {name}! What's up?", "Good to see you, {name}. What's on your mind?", "Hey! How are things?")
                : List.of("Yes?", "What is it?", "Hm?");
        return say(templates, vars(), tone, args(DialogueArgs.QUESTION, true));
    }

    private Action decline() {
        var t = traits();
        boolean fedUp = requestsSeen >= 3 && chance((1 - t.agreeableness()) * (0.4 + 0.6 * t.neuroticism()));
        if (fedUp) {
            return say(List.of("I said no. Stop asking.", "How many times? No. Whatever you say, no.",
                    "This is ridiculous. The answer is no."), vars(), Tone.HOSTILE, args(DialogueArgs.DECLINE, true));
        }
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("I'm really sorry, {name}, but I can't — {excuse}.",
                        "I wish I could help, but {excuse}. I'm sorry.",
                        "Oh, I'd love to help, but not this time: {excuse}.",
                        "I understand it matters to you, and I'm sorry, but my answer is still no — {excuse}.")
                : List.of("No, I can't.", "Not happening.", "No. {excuse}.", "I can't. {Excuse}.");
        return say(templates, vars("excuse", excuse, "Excuse", capitalise(excuse)), tone, args(DialogueArgs.DECLINE, true));
    }

    private Action grant() {
        Tone tone = kind(pickTone()) ? Tone.WARM : Tone.NEUTRAL;
        return say(List.of("Alright, you've convinced me — yes, I'll do it.", "Okay, fine. I'll help you out.",
                "You know what, sure. Happy to help."), vars(), tone, args(DialogueArgs.GRANT, true));
    }

    private Action compromise() {
        Tone tone = pickTone();
        return say(List.of("I can't do all of that, but I could help with part of it.",
                "How about a compromise — I can do some of it, not all.",
                "Not the whole thing, but I can meet you halfway."), vars(), tone, args(DialogueArgs.PARTIAL, true));
    }
}
