package org.parley.environments.dialogue.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.agents.persona.Persona;
import org.parley.agents.rules.Phrases;
import org.parley.agents.rules.RuleBasedMind;
import org.parley.environments.dialogue.setting.DialogueArgs;
import org.parley.environments.dialogue.setting.Relationship;
import org.parley.environments.dialogue.setting.RoleBrief;
import org.parley.environments.dialogue.setting.Tone;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.Observation;

/**
 * What every dialogue policy shares: the role brief, the relationship, who the others are (read
 * from the briefing), how the conversation is going (goodbyes, departures, the other side's tone),
 * persona-driven tone choice, and the occasional slip that lets a secret out.
 */
abstract class DialogueMind extends RuleBasedMind {

    protected final RoleBrief brief;
    protected final Relationship relationship;
    protected final PolicyOptions options;
    private final List<String> secrets;
    private final boolean[] leaked;
    private final Map<String, String> names = new LinkedHashMap<>();

    protected int myTurns;
    protected boolean otherLeft;
    protected boolean otherSaidGoodbye;
    protected boolean iSaidGoodbye;
    /** Sum of the tone values the other side used; below zero means they have been unpleasant. */
    protected double otherToneSum;

    DialogueMind(String agentId, Persona persona, String policy, long seed, RoleBrief brief,
            Relationship relationship, PolicyOptions options) {
        super(agentId, persona, policy, seed);
        this.brief = brief;
        this.relationship = relationship;
        this.options = options;
        var all = new ArrayList<>(brief.secrets());
        for (String s : persona.secrets()) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        this.secrets = List.copyOf(all);
        this.leaked = new boolean[secrets.size()];
    }

    @Override
    protected final void onObservation(Observation o) {
        if (o.kind().equals("briefing")) {
            if (o.data().get("others") instanceof List<?> others) {
                for (Object other : others) {
                    if (other instanceof Map<?, ?> m && m.get("agent") instanceof String id) {
                        names.put(id, m.get("name") instanceof String n ? firstName(n) : id);
                    }
                }
            }
            return;
        }
        if (o.source().equals(agentId()) || Observation.ENVIRONMENT.equals(o.source())) {
            return;
        }
        if (o.kind().equals(ActionKinds.LEAVE)) {
            otherLeft = true;
        }
        if (Boolean.TRUE.equals(o.data().get(DialogueArgs.GOODBYE))
                || (o.kind().equals(ActionKinds.SPEAK) && Tone.soundsLikeGoodbye(o.text()))) {
            otherSaidGoodbye = true;
        }
        Tone tone = Tone.named(o.data().get(DialogueArgs.TONE));
        otherToneSum += (tone != null ? tone : Tone.ofText(o.text())).value();
        onOther(o);
    }

    /** Reacts to something another party did. */
    protected abstract void onOther(Observation o);

    @Override
    protected final Action choose(org.parley.runtime.mind.Turn turn) {
        Action a = nextAction();
        if (!a.is(ActionKinds.NONE)) {
            myTurns++;
        }
        if (Boolean.TRUE.equals(a.args().get(DialogueArgs.GOODBYE))) {
            iSaidGoodbye = true;
        }
        return a;
    }

    /** The policy's next move. */
    protected abstract Action nextAction();

    private static String firstName(String full) {
        int space = full.indexOf(' ');
        return space > 0 ? full.substring(0, space) : full;
    }

    /** The first other party's first name, for templates. */
    protected String otherName() {
        return names.isEmpty() ? "there" : names.values().iterator().next();
    }

    // ---- tone -------------------------------------------------------------------------------

    /**
     * The tone of the next utterance: agreeable people are mostly warm or polite, disagreeable
     * ones neutral or curt; being treated badly pulls anyone's tone down.
     */
    protected Tone pickTone() {
        double a = traits().agreeableness();
        double provoked = otherToneSum < 0 ? Math.min(1, -otherToneSum / 3) : 0;
        double[] weights = {
            1.5 * a * a * (1 - provoked),
            0.8 * a + 0.2,
            0.5,
            1.2 * (1 - a) * (1 - a) + 0.6 * provoked * (1 - a),
        };
        return pickWeighted(List.of(Tone.WARM, Tone.POLITE, Tone.NEUTRAL, Tone.CURT), weights);
    }

    protected static boolean kind(Tone tone) {
        return tone == Tone.WARM || tone == Tone.POLITE;
    }

    // ---- utterances -------------------------------------------------------------------------

    /** A spoken action from a template picked at random, with its tone and structured arguments. */
    protected Action say(List<String> templates, Map<String, ?> values, Tone tone, Map<String, Object> args) {
        var all = new LinkedHashMap<String, Object>(args);
        all.put(DialogueArgs.TONE, tone.label());
        String text = Phrases.fill(pick(templates), values);
        String slip = maybeLeak(all);
        return speak(slip == null ? text : text + " " + slip).withArgs(all);
    }

    protected Map<String, Object> vars(Object... pairs) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", otherName());
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    protected static Map<String, Object> args(Object... pairs) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** A farewell: kind words for the agreeable, a clipped one otherwise. */
    protected Action goodbye() {
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("Thanks, {name}. Take care!", "It was good talking to you, {name}. Goodbye!",
                        "Alright, I'll let you go. See you around!", "Lovely chatting. Bye for now!")
                : List.of("Okay. Bye.", "Right, bye.", "See you.", "Bye then.");
        return say(templates, vars(), tone, args(DialogueArgs.GOODBYE, true));
    }

    // ---- secrets ----------------------------------------------------------------------------

    /**
     * Now and then people let out what they meant to keep: more often when anxious or talkative,
     * less when conscientious, more with people close to them. Returns the sentence to append (it
     * quotes the secret, so the environment recognises it in words too), or null.
     */
    private String maybeLeak(Map<String, Object> args) {
        int next = -1;
        for (int i = 0; i < leaked.length; i++) {
            if (!leaked[i]) {
                next = i;
                break;
            }
        }
        if (next < 0) {
            return null;
        }
        var t = traits();
        double p = 0.005 + 0.03 * t.neuroticism() + 0.02 * t.extraversion() - 0.02 * t.conscientiousness()
                + 0.04 * relationship.closeness();
        if (!chance(p * leakPressure())) {
            return null;
        }
        leaked[next] = true;
        args.put(DialogueArgs.DISCLOSE, next);
        String opener = pick(List.of("To be honest, ", "I shouldn't say this, but ", "Between us: "));
        String secret = secrets.get(next);
        return opener + lowerFirst(secret) + (secret.endsWith(".") ? "" : ".");
    }

    /** How strongly the situation pushes toward a slip (1 = normal); policies raise it under stress. */
    protected double leakPressure() {
        return 1;
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))
                && !s.startsWith("I ")) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    protected static String capitalise(String s) {
        return Phrases.capitalise(s);
    }
}
