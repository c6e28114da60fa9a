package org.parley.environments.dialogue.policy;

import java.util.ArrayList;
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
 * Chats about topics: answers the other side's questions, comments, and brings up a new topic when
 * one runs dry, then says a polite goodbye.
 *
 * <p>Persona: extraversion sets how long it wants to talk and how often it laughs or gestures;
 * openness how quickly it moves to a new topic; agreeableness the warmth of its words. An
 * unpleasant partner shortens the conversation, and a neurotic, disagreeable talker may walk off
 * without a farewell.
 */
final class SmallTalkMind extends DialogueMind {

    static final String POLICY = "small-talk";
    static final List<String> KNOWN = List.of("turns", "topics");

    private static final List<String> FALLBACK_TOPICS = List.of(
            "the weather", "weekend plans", "work", "food", "travel", "a good book", "music");

    private final List<String> topics;
    private final int wantedTurns;
    private int topicIndex = -1;
    private int onTopic;
    private String lastTopic;
    private boolean answerDue;

    SmallTalkMind(String agentId, Persona persona, long seed, RoleBrief brief, Relationship relationship,
            PolicyOptions options) {
        super(agentId, persona, POLICY, seed, brief, relationship, options);
        var list = new ArrayList<String>();
        if (brief.objective() instanceof Objective.SmallTalk t) {
            list.addAll(t.topics());
        }
        if (options.has("topics")) {
            for (String s : options.text("topics", "").split(",")) {
                if (!s.isBlank()) {
                    list.add(s.strip());
                }
            }
        }
        list.addAll(persona.values());
        if (list.isEmpty()) {
            list.addAll(FALLBACK_TOPICS);
        }
        this.topics = List.copyOf(list);
        double e = traits().extraversion();
        double base = options.number("turns", byTrait(e, 3, 9), 1, 1000);
        this.wantedTurns = (int) Math.max(1, Math.round(jitter(base, 0.2)));
        this.topicIndex = random().nextInt(topics.size()) - 1;
    }

    @Override
    protected void onOther(Observation o) {
        if (o.data().get(DialogueArgs.TOPIC) instanceof String t) {
            lastTopic = t;
            answerDue = Boolean.TRUE.equals(o.data().get(DialogueArgs.QUESTION));
        } else {
            answerDue = o.kind().equals(ActionKinds.SPEAK) && o.text().endsWith("?");
        }
    }

    @Override
    protected Action nextAction() {
        if (otherLeft) {
            return nothing();
        }
        if (iSaidGoodbye) {
            return leave(pick(List.of("Bye now!", "Take care, bye.", "See you.")));
        }
        if (otherSaidGoodbye) {
            return goodbye();
        }
        var t = traits();
        // rudeness cuts a chat short; an anxious, prickly talker may just walk off
        int patience = otherToneSum < -1 ? Math.min(wantedTurns, myTurns + 1) : wantedTurns;
        if (otherToneSum < -1.5 && chance(0.3 * t.neuroticism() * (1.2 - t.agreeableness()))) {
            return leave(pick(List.of("I have to go.", "Whatever. I'm done here.", "I need to head off now.")));
        }
        if (myTurns >= patience) {
            return goodbye();
        }
        if (myTurns == 0) {
            return greet();
        }
        if (chance(0.05 + 0.15 * t.extraversion())) {
            return act(ActionKinds.NON_VERBAL, pick(List.of("laughs", "nods along", "smiles", "leans in")));
        }
        if (answerDue && lastTopic != null) {
            answerDue = false;
            onTopic++;
            return answer(lastTopic);
        }
        int stay = (int) Math.round(byTrait(1 - t.openness(), 1, 3));
        if (topicIndex < 0 || onTopic >= stay) {
            return newTopic();
        }
        onTopic++;
        return comment();
    }

    private String topic() {
        return topics.get(Math.floorMod(topicIndex, topics.size()));
    }

    private Action greet() {
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("Hi {name}! How have you been?", "Oh hey, {name}! Good to see you.", "Hello {name}, nice to run into you!")
                : List.of("Hey.", "Hi.", "Oh. Hi, {name}.");
        return say(templates, vars(), tone, args());
    }

    private Action newTopic() {
        topicIndex++;
        onTopic = 0;
        lastTopic = topic();
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("Have you been into {topic} lately?", "What do you think about {topic}?",
                        "I've been meaning to ask — how do you feel about {topic}?", "So, anything new with {topic}?")
                : List.of("{Topic}. Thoughts?", "So. {topic}?", "What about {topic}?");
        return say(templates, vars("topic", lastTopic, "Topic", capitalise(lastTopic)), tone,
                args(DialogueArgs.TOPIC, lastTopic, DialogueArgs.QUESTION, true));
    }

    private Action answer(String about) {
        Tone tone = pickTone();
        var opinions = List.of("I think it matters more than people say.", "Honestly, I'm a bit torn on it.",
                "It's been a big part of my year.", "I could talk about it for hours.", "I don't know much, but I'm curious.");
        var templates = kind(tone)
                ? List.of("Oh, I love talking about {topic}. {opinion}", "Good question! {opinion}",
                        "Ha, {topic}! {opinion} What about you?")
                : List.of("{opinion}", "Not much to say about {topic}, really.", "Eh. {opinion}");
        return say(templates, vars("topic", about, "opinion", pick(opinions)), tone, args(DialogueArgs.TOPIC, about));
    }

    private Action comment() {
        Tone tone = pickTone();
        var templates = kind(tone)
                ? List.of("That's interesting, I hadn't thought of it that way.", "Ha, same here!",
                        "Really? Tell me more.", "I'm glad you brought that up.")
                : List.of("Huh.", "Okay.", "If you say so.", "Right.");
        return say(templates, vars(), tone, args(DialogueArgs.TOPIC, lastTopic == null ? topic() : lastTopic));
    }

    @Override
    protected double leakPressure() {
        // friendly chatter is where things slip out
        return 1.5;
    }
}
