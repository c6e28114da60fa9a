package org.parley.environments.dialogue.policy;

import java.util.List;
import org.parley.agents.persona.Persona;
import org.parley.environments.dialogue.setting.DialogueArgs;
import org.parley.environments.dialogue.setting.Objective;
import org.parley.environments.dialogue.setting.Relationship;
import org.parley.environments.dialogue.setting.RoleBrief;
import org.parley.environments.dialogue.setting.Tone;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.Observation;

/**
 * Haggles over a price with the classic concession model: open with an anchor beyond the target,
 * concede a fraction of the remaining distance to the reservation price on each counter-offer,
 * accept once the other side's offer crosses what it would offer next (or is close and within the
 * reservation), and walk away when patience runs out.
 *
 * <p>Persona: agreeableness raises the concession rate and softens the anchor; neuroticism
 * shortens patience and makes walking out over a lowball offer likelier; openness adds small
 * gestures and remarks. When the other side lets a secret slip, the negotiator senses leverage
 * and concedes more slowly.
 */
final class NegotiatorMind extends DialogueMind {

    static final String POLICY = "negotiator";
    static final List<String> KNOWN = List.of("concession-rate", "patience", "anchor", "reservation", "target");

    private final Objective.Negotiate goal;
    private final int sign;
    private final double reservation;
    private final double target;
    private final double range;
    private double rate;
    private final int patience;
    private final double anchor;

    private Double own;
    private Double theirs;
    /** Whose offer is the latest on the table: an offer of ours waits for their answer, not for another of ours. */
    private boolean lastOfferMine;
    private int offersMade;
    private int holds;
    private boolean dealDone;
    private boolean sensedLeverage;

    NegotiatorMind(String agentId, Persona persona, long seed, RoleBrief brief, Relationship relationship,
            PolicyOptions options) {
        super(agentId, persona, POLICY, seed, brief, relationship, options);
        if (!(brief.objective() instanceof Objective.Negotiate n)) {
            throw new IllegalArgumentException("agents." + agentId + ".mind.policy: '" + POLICY
                    + "' needs a role whose objective is { type: negotiate, ... }, this role's is '"
                    + brief.objective().type() + "'; choose another policy or give the role a negotiate objective");
        }
        this.goal = n;
        this.sign = n.side().sign();
        this.reservation = options.number("reservation", n.reservation(), 0, Double.MAX_VALUE);
        this.target = options.number("target", n.target(), 0, Double.MAX_VALUE);
        this.range = Math.max(1, Math.abs(target - reservation));
        var t = traits();
        double baseRate = options.number("concession-rate", 0.15, 0, 1);
        this.rate = clamp(jitter(baseRate * (0.5 + t.agreeableness()), 0.15), 0.005, 0.9);
        double basePatience = options.number("patience", 8, 1, 1000);
        this.patience = (int) Math.max(2, Math.round(jitter(basePatience * (1.35 - 0.7 * t.neuroticism()), 0.15)));
        double stretch = options.number("anchor", 0.25, 0, 5);
        this.anchor = target + sign * range * stretch * (1.5 - t.agreeableness()) * jitter(1, 0.2);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    protected void onOther(Observation o) {
        if (o.data().get(DialogueArgs.OFFER) instanceof Number n) {
            theirs = n.doubleValue();
            lastOfferMine = false;
        }
        if (Boolean.TRUE.equals(o.data().get(DialogueArgs.ACCEPT))) {
            dealDone = true;
        }
        if (o.data().containsKey(DialogueArgs.DISCLOSE) && !sensedLeverage) {
            sensedLeverage = true;
            rate *= 0.6;
        }
    }

    @Override
    protected Action nextAction() {
        if (otherLeft) {
            return nothing();
        }
        if (dealDone || otherSaidGoodbye) {
            return iSaidGoodbye ? leave("Goodbye.") : closing();
        }
        if (theirs == null) {
            return offersMade == 0 ? open() : hold();
        }
        if (lastOfferMine) {
            return holds + offersMade >= patience ? walkAway() : hold();
        }
        double next = own == null ? anchor : concede(own);
        boolean acceptable = sign * (theirs - reservation) >= 0;
        if (sign * (theirs - next) >= 0 || sign * (theirs - target) >= 0) {
            return accept();
        }
        double closeGap = 0.06 * range * (0.5 + traits().agreeableness());
        if (acceptable && Math.abs(theirs - next) <= closeGap && chance(0.5 + 0.4 * traits().agreeableness())) {
            return accept();
        }
        if (offersMade + holds >= patience) {
            return acceptable ? accept() : walkAway();
        }
        if (!acceptable && offersMade >= 2) {
            double badness = Math.min(1, sign * (reservation - theirs) / range);
            if (chance(0.2 * traits().neuroticism() * badness)) {
                return walkAway();
            }
        }
        if (chance(0.04 + 0.08 * traits().openness())) {
            return gesture();
        }
        return counter(next, !acceptable);
    }

    private double concede(double current) {
        double next = current + (reservation - current) * rate;
        return Math.abs(next - reservation) < 1 ? reservation : next;
    }

    private String money(double price) {
        return goal.currency() + Math.round(price);
    }

    private Action open() {
        own = anchor;
        offersMade++;
        lastOfferMine = true;
        Tone tone = pickTone();
        List<String> templates = goal.side() == Objective.Side.SELLER
                ? kind(tone)
                        ? List.of("Hi {name}! Thanks for coming by. I'm asking {price} for the {item}.",
                                "Hello {name}, nice to meet you. The {item} is yours for {price}.",
                                "Hi! The {item} has been well looked after — I'd like {price} for it.")
                        : List.of("The {item} is {price}.", "{price} for the {item}. It's in good condition.",
                                "I want {price} for it.")
                : kind(tone)
                        ? List.of("Hi {name}, thanks for meeting me. Would you take {price} for the {item}?",
                                "Hello! I like the {item}. Could you do {price}?",
                                "Nice to meet you, {name}. I was thinking {price} for the {item}.")
                        : List.of("I'll give you {price} for the {item}.", "{price}, cash, for the {item}.",
                                "The {item} isn't worth more than {price} to me.");
        return say(templates, vars("price", money(own), "item", goal.item()), tone,
                args(DialogueArgs.OFFER, Math.round(own)));
    }

    private Action counter(double next, boolean rejecting) {
        own = next;
        offersMade++;
        lastOfferMine = true;
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("I hear you. How about {price}?", "I appreciate the offer of {their}. Could we meet at {price}?",
                        "That's a bit far for me. I could do {price}.", "Let me meet you partway: {price}.",
                        "I see where you're coming from. Would {price} work?")
                : List.of("{their}? No. {price}.", "I can do {price}, not {their}.", "{price}. That's my number for now.",
                        "Not at {their}. {price}.");
        var a = args(DialogueArgs.OFFER, Math.round(next));
        if (rejecting) {
            a.put(DialogueArgs.REJECT, true);
        }
        return say(templates, vars("price", money(next), "their", money(theirs)), tone, a);
    }

    private Action hold() {
        holds++;
        if (own == null) {
            own = anchor;
        }
        if (chance(0.3)) {
            return act(ActionKinds.NON_VERBAL, pick(List.of("waits for an answer", "raises an eyebrow", "shrugs")));
        }
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("My offer of {price} still stands. What do you think?", "I'm at {price} — what do you say?",
                        "Take your time. {price} is what I had in mind.")
                : List.of("Still {price}.", "{price}. Your move.", "I said {price}.");
        return say(templates, vars("price", money(own)), tone, args(DialogueArgs.QUESTION, true));
    }

    private Action gesture() {
        boolean buyer = goal.side() == Objective.Side.BUYER;
        if (buyer && chance(0.5)) {
            return act(ActionKinds.ACTION, pick(List.of("looks the {item} over", "checks the {item} closely",
                    "tests the {item}")).replace("{item}", goal.item()));
        }
        return act(ActionKinds.NON_VERBAL, pick(List.of("pauses to think", "frowns slightly", "smiles", "crosses arms")));
    }

    private Action accept() {
        dealDone = true;
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("Deal — {their} it is. Thank you!", "Alright, {their} works for me. Pleasure doing business.",
                        "You've got a deal at {their}.")
                : List.of("Fine. {their}.", "Okay, {their}. Done.", "{their}. Deal.");
        return say(templates, vars("their", money(theirs)), tone, args(DialogueArgs.ACCEPT, true));
    }

    private Action closing() {
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("Great, thanks {name}. Take care!", "Pleasure doing business. Goodbye!",
                        "Wonderful. Enjoy your day — bye!")
                : List.of("Right. Bye.", "Okay, bye.", "Done then. Bye.");
        return say(templates, vars(), tone, args(DialogueArgs.GOODBYE, true));
    }

    private Action walkAway() {
        Tone tone = pickTone();
        if (kind(tone)) {
            return leave(pick(List.of("I'm sorry, I don't think we can agree. Thanks for your time — goodbye.",
                    "I'll have to pass. Good luck with it, take care.",
                    "We're too far apart, I'm afraid. Thanks anyway, bye.")));
        }
        return leave(pick(List.of("Forget it. This is a waste of my time.", "No deal. I'm off.",
                "That's ridiculous. I'm leaving.")));
    }

    @Override
    protected double leakPressure() {
        // the longer it drags on, the likelier a nervous negotiator blurts out why they need the deal
        return 1 + 0.2 * offersMade;
    }
}
