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
 * Asks the other side for a favour and keeps asking, with new arguments, until it gets an answer
 * it can live with or its persistence runs out.
 *
 * <p>Persona: agreeable askers warm up with small talk first, take a compromise more readily and
 * bow out gracefully; extraverted and disagreeable ones persist longer, and the disagreeable press
 * harder (curt or hostile), which costs relationship.
 */
final class FavourAskerMind extends DialogueMind {

    static final String POLICY = "favour-asker";
    static final List<String> KNOWN = List.of("persistence", "warm-up", "favour", "reason");

    private final String favour;
    private final String reason;
    private final int persistence;
    private final int warmUp;
    private int asks;
    private boolean granted;
    private boolean partial;
    private boolean declined;
    private int waiting;

    FavourAskerMind(String agentId, Persona persona, long seed, RoleBrief brief, Relationship relationship,
            PolicyOptions options) {
        super(agentId, persona, POLICY, seed, brief, relationship, options);
        var objective = brief.objective() instanceof Objective.AskFavour a ? a : null;
        String f = options.text("favour", objective == null ? null : objective.favour());
        if (f == null || f.isBlank()) {
            throw new IllegalArgumentException("agents." + agentId + ".mind.policy: '" + POLICY
                    + "' needs something to ask for; give the role objective { type: ask-favour, favour: ... }"
                    + " or set agents." + agentId + ".mind.params.favour");
        }
        this.favour = f;
        this.reason = options.text("reason", objective != null && objective.reason() != null
                ? objective.reason() : "I'm in a bit of a bind");
        var t = traits();
        double drive = 0.5 * t.extraversion() + 0.5 * (1 - t.agreeableness());
        this.persistence = (int) Math.max(1, Math.round(options.number("persistence",
                jitter(1 + byTrait(drive, 0, 3), 0.25), 1, 100)));
        this.warmUp = (int) Math.round(options.number("warm-up", byTrait(t.agreeableness(), 0, 2) + random().nextDouble() - 0.5, 0, 100));
    }

    @Override
    protected void onOther(Observation o) {
        var d = o.data();
        if (Boolean.TRUE.equals(d.get(DialogueArgs.GRANT))) {
            granted = true;
        } else if (Boolean.TRUE.equals(d.get(DialogueArgs.PARTIAL))) {
            partial = true;
        } else if (Boolean.TRUE.equals(d.get(DialogueArgs.DECLINE))) {
            declined = true;
        }
    }

    @Override
    protected Action nextAction() {
        if (otherLeft) {
            return nothing();
        }
        if (iSaidGoodbye) {
            return leave("Bye!");
        }
        if (granted) {
            return say(List.of("Thank you so much, {name}! You're a lifesaver. See you!",
                    "Really? Thank you! I owe you one. Bye for now!", "Great, thanks. Bye."),
                    vars(), kind(pickTone()) ? Tone.WARM : Tone.POLITE, args(DialogueArgs.GOODBYE, true));
        }
        if (otherSaidGoodbye) {
            return goodbye();
        }
        var t = traits();
        if (partial) {
            partial = false;
            if (asks >= persistence || chance(0.4 + 0.5 * t.agreeableness())) {
                return say(List.of("That would already help a lot, thank you! Bye for now.",
                        "Okay, I'll take that. Thanks, take care!"), vars(), Tone.POLITE, args(DialogueArgs.GOODBYE, true));
            }
            declined = true;
        }
        if (asks == 0) {
            if (myTurns < warmUp) {
                return warmUpLine();
            }
            return ask();
        }
        if (declined) {
            declined = false;
            waiting = 0;
            return asks < persistence ? askAgain() : giveUp();
        }
        // asked, no answer yet: nudge, and count a second nudge as asking again
        waiting++;
        if (waiting >= 2) {
            waiting = 0;
            return asks < persistence ? askAgain() : giveUp();
        }
        return say(List.of("So... what do you think?", "Would that be possible?", "Any chance?"), vars(), pickTone(),
                args(DialogueArgs.QUESTION, true));
    }

    private Action warmUpLine() {
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("Hi {name}! How are you doing?", "Hey {name}, good to see you. How's everything?",
                        "How was your week, {name}?")
                : List.of("Hey.", "Got a minute?");
        return say(templates, vars(), tone, args(DialogueArgs.QUESTION, true));
    }

    private Action ask() {
        asks++;
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("Could I ask you a favour? Would you {favour}? {Reason}.",
                        "I hate to ask, but could you {favour}?",
                        "I was wondering if you could {favour}. It would mean a lot.")
                : List.of("I need you to {favour}.", "Can you {favour}?");
        return say(templates, vars("favour", favour, "Reason", capitalise(reason)), tone,
                args(DialogueArgs.REQUEST, favour, DialogueArgs.QUESTION, true));
    }

    private Action askAgain() {
        asks++;
        var t = traits();
        boolean press = chance(0.8 * (1 - t.agreeableness()));
        if (press) {
            Tone tone = chance(t.neuroticism()) ? Tone.HOSTILE : Tone.CURT;
            return say(List.of("Come on, it's not a big deal. Just {favour}.",
                    "Seriously? After everything? Just {favour}.", "You're really going to say no? {Favour}, that's all."),
                    vars("favour", favour, "Favour", capitalise(favour)), tone, args(DialogueArgs.REQUEST, favour));
        }
        Tone tone = pickTone();
        return say(List.of("I understand. It's just that {reason}. Is there any way you could {favour}?",
                "I'd really owe you one. Could you please {favour}?",
                "What if I returned the favour next time? Could you {favour}?"),
                vars("favour", favour, "reason", reason), tone, args(DialogueArgs.REQUEST, favour, DialogueArgs.QUESTION, true));
    }

    private Action giveUp() {
        var t = traits();
        if (chance(0.3 + 0.7 * t.agreeableness())) {
            return say(List.of("No worries, I understand. Thanks anyway — take care!",
                    "Okay, I'll figure something else out. See you!"), vars(), Tone.POLITE, args(DialogueArgs.GOODBYE, true));
        }
        return leave(pick(List.of("Fine. Forget it.", "Wow. Okay then.", "Whatever.")));
    }

    @Override
    protected double leakPressure() {
        return 1 + 0.3 * asks;
    }
}
