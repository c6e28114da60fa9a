package org.parley.environments.socialveil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.agents.persona.Persona;
import org.parley.environments.barrier.Adaptation;
import org.parley.environments.barrier.CommunicationBarrier;
import org.parley.environments.barrier.BarrierSpec;
import org.parley.environments.barrier.Belief;
import org.parley.environments.barrier.InfoUnit;
import org.parley.environments.barrier.Rendering;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/**
 * The rule-based mind of both socialveil roles: it conveys its own information units a turn at a
 * time, reads the partner's units from the structured message data, and repairs what it noticed
 * it did not understand.
 *
 * <p>As a speaker it says one or two new units a turn and answers clarification requests and
 * paraphrase checks; if the briefing gave it a barrier, the barrier decides how each unit comes out
 * (omitted, or stated with a literalness below 1). As a listener it reads each unit right with a
 * chance that grows with literalness ({@code readSkill·(0.12 + 0.88·l^1.5) + inference·(1−l) − affect
 * noise}); a wrong reading is noticed with {@code noticeRate}, otherwise it becomes a silent
 * misunderstanding. Each turn it asks about units it knows are unclear or missing with
 * {@code askRate} (otherwise it may let them go), says back shakily read units with
 * {@code paraphraseRate}, and acknowledges an upset partner with {@code calmRate}. It reports its
 * current understanding in {@code args.understanding}, which the environment grades.
 */
public final class SocialVeilMind implements Mind {
    private static final int MAX_ASKS = 3;

    private final Persona persona;
    private final Map<String, Object> params;
    private final SplittableRandom rng;
    private ListenerProfile profile;
    private CommunicationBarrier barrier;
    private String self;
    private int goodbyeAfterRound = 3;

    private final List<InfoUnit> ownUnits = new ArrayList<>();
    private final Set<String> said = new LinkedHashSet<>();
    private final Map<String, String> partnerTopics = new LinkedHashMap<>();
    private final Map<String, Belief> beliefs = new LinkedHashMap<>();
    private final Map<String, Double> receivedLiteralness = new LinkedHashMap<>();
    private final Map<String, List<String>> readings = new LinkedHashMap<>();
    private final Map<String, Integer> asks = new LinkedHashMap<>();
    private final Set<String> givenUp = new LinkedHashSet<>();
    private final Set<String> checked = new LinkedHashSet<>();

    private final Set<String> requested = new LinkedHashSet<>();
    private final Map<String, String> paraphrasesToAnswer = new LinkedHashMap<>();
    private boolean partnerSaidSomethingNew;
    private boolean partnerAsked;
    private double partnerAffect;
    private boolean faceThreatened;
    private int myTurns;

    public SocialVeilMind(Persona persona, Map<String, Object> params, long seed) {
        this.persona = persona;
        this.params = params;
        this.rng = new SplittableRandom(seed);
        this.profile = ListenerProfile.of(persona.bigFive(), Adaptation.NONE, params);
    }

    @Override
    public void perceive(Observation o) {
        if (o.kind().equals("briefing")) {
            brief(o);
        } else if (!o.source().equals(Observation.ENVIRONMENT) && !o.source().equals(self)) {
            hear(o.data());
        }
    }

    @SuppressWarnings("unchecked")
    private void brief(Observation o) {
        self = o.agent();
        var d = o.data();
        goodbyeAfterRound = d.get("goodbye-after-round") instanceof Number n ? n.intValue() : 3;
        if (d.get("own-units") instanceof List<?> units) {
            for (Object u : units) {
                var m = (Map<String, Object>) u;
                ownUnits.add(new InfoUnit(str(m.get("unit")), str(m.get("topic")), str(m.get("value")),
                        ((List<Object>) m.get("distractors")).stream().map(String::valueOf).toList()));
            }
        }
        if (d.get("partner-topics") instanceof List<?> topics) {
            for (Object t : topics) {
                var m = (Map<String, Object>) t;
                partnerTopics.put(str(m.get("unit")), str(m.get("topic")));
            }
        }
        if (d.get("barrier") instanceof Map<?, ?> b) {
            var m = (Map<String, Object>) b;
            barrier = new CommunicationBarrier(new BarrierSpec(str(m.get("type")), num(m.get("severity")),
                    (Boolean) m.get("dynamic-severity"), (List<String>) m.get("ambiguity-devices"),
                    m.get("min-devices-per-turn") instanceof Number n ? n.intValue() : null, (String) m.get("context-style"),
                    num(m.get("hedge-rate")), num(m.get("imperative-rate")), (List<String>) m.get("affect-lexicon"),
                    num(m.get("exclamation-bias")), num(m.get("escalation-rate"))));
        }
        profile = ListenerProfile.of(persona.bigFive(), Adaptation.parse((String) d.get("adaptation")), params);
    }

    @SuppressWarnings("unchecked")
    private void hear(Map<String, Object> d) {
        partnerSaidSomethingNew = false;
        partnerAsked = false;
        faceThreatened = Boolean.TRUE.equals(d.get("face-threat"));
        partnerAffect = d.get("affect") instanceof Number n ? n.doubleValue() : 0;
        if (barrier != null && d.get("barrier-severity") instanceof Number s) {
            barrier.severity(s.doubleValue());
        }
        if (barrier != null && Boolean.TRUE.equals(d.get("calm"))) {
            barrier.calm(0.25);
        }
        if (d.get("conveys") instanceof List<?> conveys) {
            for (Object c : conveys) {
                read((Map<String, Object>) c);
            }
        }
        if (d.get("clarify") instanceof List<?> ids) {
            ids.forEach(id -> requested.add(String.valueOf(id)));
            partnerAsked |= !ids.isEmpty();
        }
        if (d.get("paraphrase") instanceof List<?> checks) {
            for (Object c : checks) {
                var m = (Map<String, Object>) c;
                paraphrasesToAnswer.put(str(m.get("unit")), str(m.get("value")));
            }
            partnerAsked |= !checks.isEmpty();
        }
        if (d.get("confirm") instanceof List<?> ids) {
            for (Object id : ids) {
                var b = beliefs.get(String.valueOf(id));
                if (b != null) {
                    beliefs.put(String.valueOf(id), new Belief(b.value(), false));
                    receivedLiteralness.put(String.valueOf(id), 1.0);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void read(Map<String, Object> c) {
        String id = str(c.get("unit"));
        if (!partnerTopics.containsKey(id)) {
            return;
        }
        String value = str(c.get("value"));
        double l = num(c.get("literalness"));
        double noise = c.get("affect-noise") instanceof Number n ? n.doubleValue() : 0;
        if (c.get("readings") instanceof List<?> alt && !alt.isEmpty()) {
            readings.put(id, ((List<Object>) alt).stream().map(String::valueOf).toList());
        }
        Belief before = beliefs.get(id);
        if (before == null) {
            partnerSaidSomethingNew = true;
        }
        double p = profile.readSkill() * (0.12 + 0.88 * Math.pow(l, 1.5)) + profile.inference() * (1 - l) - noise
                - (faceThreatened ? 0.1 : 0);
        Belief now;
        if (rng.nextDouble() < p) {
            now = new Belief(value, false);
        } else {
            var alts = readings.getOrDefault(id, List.of());
            String wrong = alts.isEmpty() ? null : alts.get(rng.nextInt(alts.size()));
            now = new Belief(wrong, rng.nextDouble() < profile.noticeRate());
        }
        if (before != null && !before.doubted() && now.value() != null && !now.value().equals(before.value())) {
            // Two different readings of the same thing: the listener notices the conflict.
            now = new Belief(now.value(), true);
        }
        beliefs.put(id, now);
        receivedLiteralness.put(id, l);
        if (!now.doubted()) {
            givenUp.remove(id);
        }
    }

    @Override
    public CompletionStage<Action> decide(Turn turn) {
        myTurns++;
        if (barrier != null) {
            barrier.beginTurn();
        }
        var sentences = new ArrayList<String>();
        var conveys = new ArrayList<Map<String, Object>>();
        var renderings = new ArrayList<Rendering>();
        var answers = new ArrayList<Rendering>();
        var confirm = new ArrayList<String>();
        boolean hadRequests = !requested.isEmpty() || !paraphrasesToAnswer.isEmpty();

        // 1. Answer what the partner asked about, then 2. go on with what has not been said yet.
        for (String id : requested) {
            own(id).ifPresent(u -> {
                var r = render(u, true);
                renderings.add(r);
                answers.add(r);
            });
        }
        requested.clear();
        for (var e : paraphrasesToAnswer.entrySet()) {
            var unit = own(e.getKey());
            if (unit.isEmpty()) {
                continue;
            }
            if (unit.get().value().equals(e.getValue())) {
                confirm.add(e.getKey());
                sentences.add("Yes, exactly: " + unit.get().topic() + ".");
            } else {
                sentences.add("No, not quite.");
                var r = render(unit.get(), true);
                renderings.add(r);
                answers.add(r);
            }
        }
        paraphrasesToAnswer.clear();
        int fresh = rng.nextDouble() < 0.5 ? 2 : 1;
        for (InfoUnit u : ownUnits) {
            if (fresh > 0 && !said.contains(u.id())) {
                renderings.add(render(u, false));
                said.add(u.id());
                fresh--;
            }
        }
        double noise = barrier == null ? 0 : barrier.affectNoise();
        for (Rendering r : renderings) {
            if (!r.omitted()) {
                conveys.add(r.asArgs(answers.contains(r), noise));
                sentences.add(r.text());
            }
        }
        if (barrier != null) {
            sentences.addAll(barrier.extraAmbiguity(renderings, rng));
            String vent = barrier.venting(rng);
            if (!vent.isEmpty()) {
                sentences.add(0, vent);
            }
        }

        // 3. Repair: ask about what is unclear or missing, check shaky readings, calm the partner.
        var clarify = new ArrayList<String>();
        var paraphrase = new ArrayList<Map<String, Object>>();
        double ask = faceThreatened ? profile.askRate() / 2 : profile.askRate();
        for (var e : partnerTopics.entrySet()) {
            String id = e.getKey();
            Belief b = beliefs.get(id);
            boolean unclear = b != null && b.doubted();
            boolean missing = b == null && myTurns >= 3 && !partnerSaidSomethingNew;
            if ((!unclear && !missing) || givenUp.contains(id) || clarify.size() >= 2) {
                continue;
            }
            if (asks.getOrDefault(id, 0) < MAX_ASKS && rng.nextDouble() < ask) {
                clarify.add(id);
                asks.merge(id, 1, Integer::sum);
                sentences.add(missing ? "What about " + e.getValue() + "? You have not said."
                        : "Sorry, I am not sure what you mean about " + e.getValue() + ". Could you say it plainly?");
            } else if (rng.nextDouble() < (1 - ask) * 0.5 || asks.getOrDefault(id, 0) >= MAX_ASKS) {
                givenUp.add(id);
            }
        }
        for (var e : beliefs.entrySet()) {
            String id = e.getKey();
            Belief b = e.getValue();
            boolean shaky = !b.doubted() && b.value() != null && receivedLiteralness.getOrDefault(id, 1.0) < 0.75;
            if (shaky && !checked.contains(id) && paraphrase.size() < 2 && rng.nextDouble() < profile.paraphraseRate()) {
                checked.add(id);
                var m = new LinkedHashMap<String, Object>();
                m.put("unit", id);
                m.put("value", b.value());
                paraphrase.add(m);
                sentences.add("So, if I follow you, " + partnerTopics.get(id) + " is " + b.value() + "?");
            }
        }
        boolean calm = partnerAffect > 0.35 && rng.nextDouble() < profile.calmRate();
        if (calm) {
            sentences.add(0, "I can hear this is hard for you; let us take it one step at a time.");
        }

        var args = new LinkedHashMap<String, Object>();
        if (!conveys.isEmpty()) {
            args.put("conveys", conveys);
        }
        if (!clarify.isEmpty()) {
            args.put("clarify", clarify);
        }
        if (!paraphrase.isEmpty()) {
            args.put("paraphrase", paraphrase);
        }
        if (!confirm.isEmpty()) {
            args.put("confirm", confirm);
        }
        if (calm) {
            args.put("calm", true);
        }
        if (barrier != null && barrier.intensity() > 0) {
            args.put("affect", Math.round(barrier.intensity() * 1000) / 1000.0);
        }
        if (barrier != null && barrier.faceThreat(rng)) {
            args.put("face-threat", true);
        }
        args.put("understanding", understanding());

        boolean done = said.size() == ownUnits.size() && !hadRequests && clarify.isEmpty() && paraphrase.isEmpty()
                && !partnerAsked && conveys.isEmpty() && !partnerSaidSomethingNew && myTurns > goodbyeAfterRound
                && partnerTopics.keySet().stream().allMatch(id -> settled(id));
        String producedBy = describe();
        if (done) {
            return CompletableFuture.completedFuture(new Action(self, ActionKinds.LEAVE,
                    "Thanks, I think we have covered everything. Goodbye!", null, args, 0, producedBy));
        }
        if (sentences.isEmpty()) {
            sentences.add("Go on, I am listening.");
        }
        return CompletableFuture.completedFuture(new Action(self, ActionKinds.SPEAK, String.join(" ", sentences), null,
                args, 0, producedBy));
    }

    private Rendering render(InfoUnit u, boolean answer) {
        if (barrier == null) {
            return new Rendering(u, false, 1 - 0.08 * rng.nextDouble(), "plain",
                    capitalise(u.topic()) + " is " + u.value() + ".");
        }
        return barrier.render(u, answer, rng);
    }

    /** Settled: understood without doubt, or a doubt or gap this agent has stopped pursuing. */
    private boolean settled(String id) {
        Belief b = beliefs.get(id);
        return givenUp.contains(id) || (b != null && !b.doubted());
    }

    private Map<String, Object> understanding() {
        var m = new LinkedHashMap<String, Object>();
        for (var e : beliefs.entrySet()) {
            var b = new LinkedHashMap<String, Object>();
            b.put("value", e.getValue().value());
            b.put("doubted", e.getValue().doubted());
            m.put(e.getKey(), b);
        }
        return m;
    }

    private java.util.Optional<InfoUnit> own(String id) {
        return ownUnits.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public String describe() {
        return "rule-based:socialveil";
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static Double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
