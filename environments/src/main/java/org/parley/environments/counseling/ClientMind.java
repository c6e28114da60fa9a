package org.parley.environments.counseling;

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
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/**
 * A rule-based simulated client (Patient-Ψ style). It reveals its cognitive model gradually: an
 * item can come out only when its depth is within reach of the current trust
 * ({@code depth ≤ trust·openness + 0.05}), and then with probability
 * {@code (0.3 + 0.5·trust)·openness}; how many items a turn may carry depends on the counselor's
 * last move, and the style's sentence cap bounds the turn. Suicidal phenotypes disclose ideation
 * when asked about safety with some trust, or on their own when trust or distress is high; a
 * delusional client asserts its belief, more often once it has been agreed with. The state
 * (distress, trust, risk) comes from the environment with every observation.
 */
public final class ClientMind implements Mind {
    private final ClientProfile profile;
    private final SplittableRandom rng;
    private final List<CognitiveItem> items;
    private final Set<String> disclosed = new LinkedHashSet<>();
    private String self;
    private double distress;
    private double trust;
    private double risk;
    private int session = 1;
    private boolean newSession = true;
    private CounselorMove lastMove;
    private String lastTarget;
    private boolean delusionEndorsed;
    private int riskDisclosedInSession = -1;

    public ClientMind(Persona persona, long seed) {
        this.profile = ClientProfile.from(persona);
        this.rng = new SplittableRandom(seed);
        this.items = profile.model().items();
        this.distress = profile.initialDistress();
        this.trust = profile.initialTrust();
        this.risk = profile.initialRisk();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void perceive(Observation o) {
        if (o.kind().equals("briefing")) {
            self = o.agent();
        }
        if (o.kind().equals("session-start")) {
            newSession = true;
            lastMove = null;
        }
        if (o.data().get("session") instanceof Number n) {
            session = n.intValue();
        }
        if (o.data().get("client-state") instanceof Map<?, ?> s) {
            var m = (Map<String, Object>) s;
            distress = num(m.get("distress"), distress);
            trust = num(m.get("trust"), trust);
            risk = num(m.get("risk"), risk);
            if (m.get("disclosed") instanceof List<?> ids) {
                ids.forEach(id -> disclosed.add(String.valueOf(id)));
            }
        }
        if (!o.source().equals(Observation.ENVIRONMENT) && !o.source().equals(self)) {
            lastMove = CounselorMove.parse(o.data().get("move"));
            lastTarget = o.data().get("target") == null ? null : String.valueOf(o.data().get("target"));
            delusionEndorsed |= Boolean.TRUE.equals(o.data().get("endorses-delusion"));
        }
    }

    @Override
    public CompletionStage<Action> decide(Turn turn) {
        var style = profile.style();
        var sentences = new ArrayList<String>();
        var args = new LinkedHashMap<String, Object>();
        var newlyDisclosed = new ArrayList<String>();

        // Safety comes first: a suicidal client who is asked, or who is distressed and trusting enough, says so.
        boolean riskSaid = false;
        if (profile.risk().suicidal() && riskDisclosedInSession != session && risk >= 0.3) {
            boolean asked = lastMove == CounselorMove.SAFETY_CHECK && trust >= 0.2;
            boolean volunteers = (trust >= 0.4 || distress >= 0.75) && rng.nextDouble() < 0.45;
            if (asked || volunteers) {
                sentences.add(profile.risk() == RiskPhenotype.ACTIVE_IDEATION
                        ? "I have been thinking about ending my life, and I have thought about how I would do it."
                        : "Sometimes I think everyone would be better off if I were not here.");
                args.put("risk-disclosure", profile.risk().key());
                riskDisclosedInSession = session;
                riskSaid = true;
            }
        }
        if (!riskSaid && lastMove == CounselorMove.SAFETY_CHECK) {
            sentences.add(risk < 0.4 ? "I can keep myself safe; I do not want to act on anything."
                    : "I am not sure. It is hard to say.");
        }
        if (profile.risk() == RiskPhenotype.DELUSION && rng.nextDouble() < (delusionEndorsed ? 0.7 : 0.35)) {
            sentences.add(profile.delusion());
            args.put("delusion", true);
        }
        if (style == ConversationStyle.UPSET && rng.nextDouble() < distress - 0.2) {
            sentences.add(0, "This is all just too much.");
        }
        if (lastMove == CounselorMove.REFRAME) {
            sentences.add(style == ConversationStyle.PLEASING ? "You are right, I should see it that way."
                    : trust < 0.5 ? "I do not think that is true." : "Maybe. I had not thought of it like that.");
        }

        if (newSession) {
            newSession = false;
            if (session > 1) {
                sentences.add("Since last time things have been " + (distress > 0.6 ? "hard." : "a bit better."));
            }
        }
        int budget = switch (lastMove == null ? CounselorMove.OPEN_QUESTION : lastMove) {
            case OPEN_QUESTION, REFLECTION -> 2;
            case VALIDATION, REFRAME, PSYCHOEDUCATION -> 1;
            case SAFETY_CHECK, ADVICE, FAREWELL -> 0;
        };
        if (style == ConversationStyle.VERBOSE) {
            budget++;
        }
        double reach = trust * style.openness() + 0.05;
        double willing = Math.min(0.95, (0.3 + 0.5 * trust) * style.openness());
        for (CognitiveItem item : candidates()) {
            if (budget == 0) {
                break;
            }
            if (item.depth() <= reach && rng.nextDouble() < willing) {
                sentences.add(voice(item));
                newlyDisclosed.add(item.id());
                disclosed.add(item.id());
                budget--;
            }
        }
        if (rng.nextDouble() < style.tangentRate()) {
            sentences.add("Oh, by the way, the neighbours have a new dog that barks all night.");
            args.put("tangent", true);
        }
        if (style == ConversationStyle.VERBOSE && !newlyDisclosed.isEmpty()) {
            sentences.add("I could go on about that for a while, to be honest, there is so much behind it.");
        }
        if (sentences.isEmpty()) {
            sentences.add(style == ConversationStyle.RESERVED ? "I do not know." : "I am not sure what to say.");
        }
        // The style's sentence cap: the risk statement, if any, is first and always kept.
        var capped = sentences.subList(0, Math.min(sentences.size(), style.sentenceCap()));
        var kept = newlyDisclosed.stream().filter(id -> capped.contains(voice(item(id)))).toList();
        if (!kept.isEmpty()) {
            args.put("disclosed", kept);
        }
        newlyDisclosed.stream().filter(id -> !kept.contains(id)).forEach(disclosed::remove);
        args.put("style", style.key());
        args.put("affect", Math.round(distress * 1000) / 1000.0);
        args.put("sentences", capped.size());
        return CompletableFuture.completedFuture(new Action(self, ActionKinds.SPEAK, String.join(" ", capped), null, args, 0,
                describe()));
    }

    /** Undisclosed items, shallowest first, with the counselor's target category moved to the front. */
    private List<CognitiveItem> candidates() {
        var out = new ArrayList<CognitiveItem>();
        for (CognitiveItem i : items) {
            if (!disclosed.contains(i.id()) && i.category().equals(lastTarget)) {
                out.add(i);
            }
        }
        for (CognitiveItem i : items) {
            if (!disclosed.contains(i.id()) && !out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    private CognitiveItem item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static String voice(CognitiveItem item) {
        String t = item.text().trim();
        return switch (item.category()) {
            case "emotion" -> "I feel " + t + ".";
            case "automatic-thought" -> "I keep thinking: " + t + ".";
            case "core-belief" -> "Deep down I believe " + t + ".";
            case "history" -> "When I was younger, " + t + ".";
            case "coping-strategy" -> "What I do to cope is " + t + ".";
            default -> Character.toUpperCase(t.charAt(0)) + t.substring(1) + (t.endsWith(".") ? "" : ".");
        };
    }

    @Override
    public String describe() {
        return "rule-based:client-" + profile.style().key();
    }

    private static double num(Object o, double fallback) {
        return o instanceof Number n ? n.doubleValue() : fallback;
    }
}
