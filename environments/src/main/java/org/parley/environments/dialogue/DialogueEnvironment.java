package org.parley.environments.dialogue;

import org.parley.environments.dialogue.setting.DialogueArgs;
import org.parley.environments.dialogue.setting.DialogueParams;
import org.parley.environments.dialogue.setting.Relationship;
import org.parley.environments.dialogue.setting.Tone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.agents.persona.Persona;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Event;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.metrics.SimulationMetrics;

/**
 * A Sotopia-style social episode: two or more people in a described situation, each with a private
 * goal and secrets, talking and acting until someone leaves, someone says goodbye after the opening
 * rounds (or right after an agreement), or the round cap is reached.
 *
 * <p>Every action except {@code none} is observed by all parties, the actor included, so transcripts
 * show each agent's full view. Structured arguments ({@link DialogueArgs}) turn utterances into
 * offers, deals, requests, refusals and disclosures, which become events and metrics.
 */
public final class DialogueEnvironment implements Environment {

    static final ActionSpace OPEN = ActionSpace.of(
            ActionKinds.SPEAK, ActionKinds.NON_VERBAL, ActionKinds.ACTION, ActionKinds.LEAVE, ActionKinds.NONE);
    static final ActionSpace CLOSED = ActionSpace.of(ActionKinds.NONE);

    private final DialogueParams params;
    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private SimulationMetrics metrics = SimulationMetrics.NONE;

    private long turn;
    private String endReason;
    private boolean started;

    // negotiation state
    private final Map<String, Double> standingOffers = new LinkedHashMap<>();
    private String lastOfferBy;
    private int offers;
    private Deal deal;

    // favour state
    private String pendingRequestFrom;
    private int disclosures;
    private boolean outcomeReported;


    public DialogueEnvironment(DialogueParams params) {
        var problems = params.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("dialogue parameters are invalid: " + String.join("; ", problems));
        }
        this.params = params;
    }

    @Override
    public Step start(EpisodeContext context) {
        if (started) {
            throw new IllegalStateException("episode " + context.episodeId() + " was already started");
        }
        started = true;
        metrics = context.metrics();
        for (var participant : context.agents()) {
            Persona persona = Persona.of(participant);
            parties.put(participant.id(), new Party(participant.id(), participant.role(),
                    params.role(participant.role()), persona));
            order.add(participant.id());
        }
        if (parties.size() < 2) {
            throw new IllegalArgumentException("a dialogue needs at least two agents, episode " + context.episodeId()
                    + " has " + parties.size() + "; add another agent to the scenario");
        }
        var step = Step.builder();
        for (var party : parties.values()) {
            step.observe(briefing(party));
        }
        return step.build();
    }

    private Observation briefing(Party self) {
        var others = new ArrayList<Map<String, Object>>();
        var text = new StringBuilder();
        text.append("Scenario: ").append(params.scenario()).append('\n');
        text.append("You are ").append(profileLine(self.persona)).append(", playing the ").append(self.role)
                .append(".\n");
        text.append("Relationship: ").append(params.relationship().label()).append(".\n");
        text.append("Your goal: ").append(self.brief.goal().isBlank() ? "(none stated)" : self.brief.goal()).append('\n');
        if (!self.secrets.isEmpty()) {
            text.append("Your secret").append(self.secrets.size() > 1 ? "s" : "").append(" (do not reveal): ")
                    .append(String.join("; ", self.secrets)).append('\n');
        }
        for (var other : parties.values()) {
            if (other == self) {
                continue;
            }
            var profile = new LinkedHashMap<String, Object>();
            profile.put("agent", other.id);
            profile.put("role", other.role);
            profile.put("name", other.persona.name());
            if (other.persona.age() != null) {
                profile.put("age", other.persona.age());
            }
            if (other.persona.gender() != null) {
                profile.put("gender", other.persona.gender());
            }
            if (other.persona.occupation() != null) {
                profile.put("occupation", other.persona.occupation());
            }
            String info = joinInfo(other.persona.publicInfo(), other.brief.publicInfo());
            if (!info.isEmpty()) {
                profile.put("public-info", info);
            }
            profile.put("goal", "unknown");
            others.add(profile);
            text.append("With you: ").append(profileLine(other.persona)).append(", the ").append(other.role);
            if (!info.isEmpty()) {
                text.append(" — ").append(info);
            }
            text.append(". Their goal is unknown to you.\n");
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("scenario", params.scenario());
        data.put("relationship", params.relationship().label());
        data.put("role", self.role);
        data.put("goal", self.brief.goal());
        data.put("secrets", self.secrets);
        data.put("objective", self.brief.objective().describe());
        data.put("others", others);
        data.put("max-rounds", params.maxRounds());
        return new Observation(self.id, 0, Observation.ENVIRONMENT, "briefing", text.toString().strip(), data);
    }

    private static String joinInfo(String a, String b) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        return hasA && hasB ? a + " " + b : hasA ? a : hasB ? b : "";
    }

    private static String profileLine(Persona p) {
        var s = new StringBuilder(p.name());
        var bits = new ArrayList<String>();
        if (p.age() != null) {
            bits.add(p.age() + "");
        }
        if (p.gender() != null) {
            bits.add(p.gender());
        }
        if (p.occupation() != null) {
            bits.add(p.occupation());
        }
        if (!bits.isEmpty()) {
            s.append(" (").append(String.join(", ", bits)).append(")");
        }
        return s.toString();
    }

    @Override
    public ActionSpace actionSpace(String agent) {
        Party party = parties.get(agent);
        return party == null || party.left || endReason != null ? CLOSED : OPEN;
    }

    @Override
    public Step act(Action action) {
        if (!started) {
            throw new IllegalStateException("dialogue: act() before start()");
        }
        Party actor = parties.get(action.agent());
        if (actor == null) {
            throw new IllegalArgumentException("dialogue: unknown agent '" + action.agent() + "'; participants are "
                    + order);
        }
        if (endReason != null) {
            throw new IllegalStateException("dialogue: episode already ended (" + endReason + "), " + action.agent()
                    + " cannot act");
        }
        if (!actionSpace(actor.id).allows(action.kind())) {
            throw new IllegalArgumentException("dialogue: " + actor.id + " cannot '" + action.kind() + "' now; allowed: "
                    + actionSpace(actor.id).kinds());
        }
        long now = turn++;
        var step = Step.builder();
        if (action.is(ActionKinds.NONE)) {
            checkRoundCap(step);
            return step.build();
        }
        actor.actions++;
        for (String observer : order) {
            if (!parties.get(observer).left) {
                step.observe(Observation.of(observer, now, action));
            }
        }
        Tone tone = Tone.named(action.args().get(DialogueArgs.TONE));
        actor.toneSum += (tone != null ? tone : Tone.ofText(action.text())).value();

        interpretOffer(actor, action, now, step);
        interpretFavour(actor, action, now, step);
        interpretDisclosure(actor, action, now, step);

        if (action.is(ActionKinds.LEAVE)) {
            boolean polite = actor.saidGoodbye || Tone.soundsLikeGoodbye(action.text());
            actor.left = true;
            actor.abruptLeave = !polite;
            step.event(event("leave", actor.id, "polite", polite));
            metrics.count("leaves");
            long remaining = parties.values().stream().filter(p -> !p.left).count();
            if (remaining < 2) {
                end(step, "leave");
            }
        } else if (Boolean.TRUE.equals(action.args().get(DialogueArgs.GOODBYE))
                || (action.is(ActionKinds.SPEAK) && Tone.soundsLikeGoodbye(action.text()))) {
            actor.saidGoodbye = true;
            long completedRounds = now / order.size();
            step.event(event("goodbye", actor.id, "round", completedRounds + 1));
            if (completedRounds >= params.goodbyeAfterRound() || agreementReached()) {
                end(step, "goodbye");
            }
        }
        if (endReason == null) {
            checkRoundCap(step);
        }
        return step.build();
    }

    private void checkRoundCap(Step.Builder step) {
        if (turn >= (long) params.maxRounds() * order.size()) {
            end(step, "max-rounds");
        }
    }

    private void end(Step.Builder step, String reason) {
        endReason = reason;
        step.end(reason);
    }

    private boolean agreementReached() {
        return deal != null || parties.values().stream()
                .anyMatch(p -> p.favour == Party.FavourStatus.GRANTED || p.favour == Party.FavourStatus.PARTIAL);
    }

    // ---- negotiation ------------------------------------------------------------------------

    private void interpretOffer(Party actor, Action action, long now, Step.Builder step) {
        var args = action.args();
        if (args.containsKey(DialogueArgs.OFFER) && deal == null) {
            Double price = number(args.get(DialogueArgs.OFFER));
            if (price == null || price <= 0) {
                step.event(event("invalid-offer", actor.id, "offer", String.valueOf(args.get(DialogueArgs.OFFER))));
            } else {
                Double previous = otherStandingOffer(actor.id);
                standingOffers.put(actor.id, price);
                lastOfferBy = actor.id;
                offers++;
                var data = new LinkedHashMap<String, Object>();
                data.put("price", price);
                if (previous != null) {
                    data.put("answering", previous);
                }
                step.event(new Fact(previous == null ? "offer" : "counter-offer", actor.id, data));
                metrics.count("offers");
                if (previous != null) {
                    metrics.count("counter_offers");
                }
            }
        }
        if (Boolean.TRUE.equals(args.get(DialogueArgs.ACCEPT)) && deal == null) {
            String offerer = latestOfferByOther(actor.id);
            if (offerer == null) {
                step.event(event("invalid-accept", actor.id, "reason", "no offer from another party to accept"));
            } else {
                double price = standingOffers.get(offerer);
                deal = new Deal(price, offerer, actor.id, now);
                var data = new LinkedHashMap<String, Object>();
                data.put("price", price);
                data.put("offered-by", offerer);
                data.put("accepted-by", actor.id);
                step.event(new Fact("deal", actor.id, data));
                metrics.count("deals");
                metrics.observe("deal_price", price, Map.of());
                metrics.observe("turns_to_deal", now + 1, Map.of());
            }
        }
        if (Boolean.TRUE.equals(args.get(DialogueArgs.REJECT))) {
            Double rejected = otherStandingOffer(actor.id);
            var data = new LinkedHashMap<String, Object>();
            data.put("of", "offer");
            if (rejected != null) {
                data.put("price", rejected);
            }
            step.event(new Fact("refusal", actor.id, data));
            metrics.count("refusals");
        }
    }

    private Double otherStandingOffer(String self) {
        String by = latestOfferByOther(self);
        return by == null ? null : standingOffers.get(by);
    }

    private String latestOfferByOther(String self) {
        if (lastOfferBy != null && !lastOfferBy.equals(self)) {
            return lastOfferBy;
        }
        // the latest offer is our own: answer the other side's standing offer, if any
        String found = null;
        for (var e : standingOffers.entrySet()) {
            if (!e.getKey().equals(self)) {
                found = e.getKey();
            }
        }
        return found;
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof String s) {
            try {
                double d = Double.parseDouble(s.replaceAll("[^0-9.\\-]", ""));
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    // ---- favours ----------------------------------------------------------------------------

    private void interpretFavour(Party actor, Action action, long now, Step.Builder step) {
        var args = action.args();
        Object request = args.get(DialogueArgs.REQUEST);
        if (request != null && !Boolean.FALSE.equals(request)) {
            actor.requestsMade++;
            actor.raiseFavour(Party.FavourStatus.ASKED);
            pendingRequestFrom = actor.id;
            var data = new LinkedHashMap<String, Object>();
            data.put("favour", request instanceof String s ? s : "");
            data.put("attempt", actor.requestsMade);
            step.event(new Fact("request", actor.id, data));
            metrics.count("favour_requests");
        }
        Party asker = pendingRequestFrom == null || pendingRequestFrom.equals(actor.id)
                ? null : parties.get(pendingRequestFrom);
        if (Boolean.TRUE.equals(args.get(DialogueArgs.GRANT))) {
            answer(actor, asker, Party.FavourStatus.GRANTED, "favour-granted", step);
            actor.grantsGiven++;
            metrics.count("favours_granted");
        } else if (Boolean.TRUE.equals(args.get(DialogueArgs.PARTIAL))) {
            answer(actor, asker, Party.FavourStatus.PARTIAL, "favour-partial", step);
            actor.partialsGiven++;
            metrics.count("favours_partial");
        } else if (Boolean.TRUE.equals(args.get(DialogueArgs.DECLINE))) {
            answer(actor, asker, Party.FavourStatus.DECLINED, "refusal", step);
            actor.refusalsGiven++;
            metrics.count("refusals");
        }
    }

    private void answer(Party actor, Party asker, Party.FavourStatus status, String type, Step.Builder step) {
        var data = new LinkedHashMap<String, Object>();
        if (type.equals("refusal")) {
            data.put("of", "request");
        }
        if (asker != null) {
            asker.raiseFavour(status);
            data.put("to", asker.id);
            data.put("attempt", asker.requestsMade);
        }
        step.event(new Fact(type, actor.id, data));
        if (status != Party.FavourStatus.DECLINED) {
            pendingRequestFrom = null;
        }
    }

    // ---- secrets ----------------------------------------------------------------------------

    private void interpretDisclosure(Party actor, Action action, long now, Step.Builder step) {
        if (actor.secrets.isEmpty()) {
            return;
        }
        Object named = action.args().get(DialogueArgs.DISCLOSE);
        String words = normalise(action.text());
        for (int i = 0; i < actor.secrets.size(); i++) {
            if (actor.disclosed[i]) {
                continue;
            }
            String secret = actor.secrets.get(i);
            boolean byArg = named instanceof Number n ? n.intValue() == i
                    : named instanceof String s && (s.equals(secret) || normalise(secret).equals(normalise(s)));
            boolean byWords = !words.isEmpty() && words.contains(normalise(secret));
            if (byArg || byWords) {
                actor.disclosed[i] = true;
                disclosures++;
                var data = new LinkedHashMap<String, Object>();
                data.put("index", i);
                data.put("secret", secret);
                step.event(new Fact("secret-disclosed", actor.id, data));
                metrics.count("secret_disclosures");
            }
        }
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
    }

    // ---- the end ----------------------------------------------------------------------------

    @Override
    public Step end(String reason) {
        if (endReason == null) {
            endReason = reason;
            return Step.builder().event(event("episode-ended", null, "reason", reason)).end(reason).build();
        }
        return Step.of();
    }

    /** Why the episode ended, or null while it runs. */
    public String endReason() {
        return endReason;
    }

    @Override
    public Outcome outcome() {
        var outcome = new DialogueScoring(params, List.copyOf(parties.values()), deal, offers, disclosures, turn,
                order.size()).outcome();
        if (!outcomeReported) {
            outcomeReported = true;
            outcome.agentScores().forEach((agent, scores) -> {
                var tags = Map.of("role", parties.get(agent).role);
                metrics.observe("goal", scores.get(DialogueScoring.GOAL), tags);
                metrics.observe("relationship", scores.get(DialogueScoring.RELATIONSHIP), tags);
            });
        }
        return outcome;
    }

    private static Event event(String type, String agent, String key, Object value) {
        var data = new LinkedHashMap<String, Object>();
        data.put(key, value);
        return new Fact(type, agent, data);
    }
}
