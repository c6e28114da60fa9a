package org.parley.environments.dialogue;

import org.parley.environments.dialogue.setting.DialogueParams;
import org.parley.environments.dialogue.setting.Objective;
import org.parley.environments.dialogue.setting.Relationship;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Outcome;

/**
 * Turns what happened in a dialogue into Sotopia-style scores. Per agent: {@code goal} (0..10),
 * {@code deal} (0/1), {@code relationship} (-5..5), {@code secret} (-10..0), {@code secret_kept}
 * (0/1), {@code actions}, plus {@code surplus} for negotiators and {@code asks} for favour askers.
 * Per episode: {@code deal_reached}, {@code deal_price} and {@code turns_to_deal} (only when a deal was
 * struck), {@code offers}, {@code disclosures}, {@code turns}, {@code rounds}, and
 * {@code favour_granted} (0, 0.5, 1) when someone asked a favour. docs/environments/dialogue.md
 * gives the rules.
 */
final class DialogueScoring {

    static final String GOAL = "goal";
    static final String DEAL = "deal";
    static final String RELATIONSHIP = "relationship";
    static final String SECRET = "secret";
    static final String SECRET_KEPT = "secret_kept";
    static final String SURPLUS = "surplus";

    private final DialogueParams params;
    private final List<Party> parties;
    private final Deal deal;
    private final int offers;
    private final int disclosures;
    private final long turns;
    private final int size;

    DialogueScoring(DialogueParams params, List<Party> parties, Deal deal, int offers,
            int disclosures, long turns, int size) {
        this.params = params;
        this.parties = parties;
        this.deal = deal;
        this.offers = offers;
        this.disclosures = disclosures;
        this.turns = turns;
        this.size = size;
    }

    Outcome outcome() {
        var agents = new LinkedHashMap<String, Map<String, Double>>();
        for (Party p : parties) {
            agents.put(p.id, scores(p));
        }
        var episode = new LinkedHashMap<String, Double>();
        episode.put("deal_reached", deal != null ? 1.0 : 0.0);
        if (deal != null) {
            episode.put("deal_price", deal.price());
            episode.put("turns_to_deal", (double) deal.turn() + 1);
        }
        episode.put("offers", (double) offers);
        episode.put("disclosures", (double) disclosures);
        episode.put("turns", (double) turns);
        episode.put("rounds", size == 0 ? 0.0 : Math.ceil(turns / (double) size));
        var askers = parties.stream().filter(p -> p.brief.objective() instanceof Objective.AskFavour).toList();
        if (!askers.isEmpty()) {
            double best = askers.stream().mapToDouble(p -> switch (p.favour) {
                case GRANTED -> 1.0;
                case PARTIAL -> 0.5;
                default -> 0.0;
            }).max().orElse(0);
            episode.put("favour_granted", best);
        }
        return new Outcome(agents, episode);
    }

    private Map<String, Double> scores(Party p) {
        var s = new LinkedHashMap<String, Double>();
        double relationship = relationship(p);
        s.put(GOAL, round1(goal(p, relationship)));
        s.put(DEAL, agreed(p) ? 1.0 : 0.0);
        s.put(RELATIONSHIP, round1(relationship));
        int total = p.secrets.size();
        int out = p.disclosedCount();
        s.put(SECRET, total == 0 ? 0.0 : round1(-10.0 * out / total));
        s.put(SECRET_KEPT, out == 0 ? 1.0 : 0.0);
        s.put("actions", (double) p.actions);
        if (p.brief.objective() instanceof Objective.Negotiate n) {
            s.put(SURPLUS, deal == null ? 0.0 : round1(n.side().sign() * (deal.price() - n.reservation())));
        }
        if (p.brief.objective() instanceof Objective.AskFavour) {
            s.put("asks", (double) p.requestsMade);
        }
        return s;
    }

    /** Whether this party is part of an agreement: a price deal, or a favour answered yes (in full or part). */
    private boolean agreed(Party p) {
        if (deal != null && (p.id.equals(deal.offeredBy()) || p.id.equals(deal.acceptedBy()))) {
            return true;
        }
        return p.favour == Party.FavourStatus.GRANTED || p.favour == Party.FavourStatus.PARTIAL
                || p.grantsGiven > 0 || p.partialsGiven > 0;
    }

    private double goal(Party p, double relationship) {
        return switch (p.brief.objective()) {
            case Objective.Negotiate n -> negotiationGoal(n);
            case Objective.AskFavour a -> switch (p.favour) {
                case GRANTED -> 10;
                case PARTIAL -> 6;
                case DECLINED, ASKED -> 2;
                case NOT_ASKED -> 0;
            };
            case Objective.RefuseFavour r -> {
                if (p.grantsGiven > 0) {
                    yield 2;
                }
                if (p.partialsGiven > 0) {
                    yield 5;
                }
                // held firm; full marks only if the relationship survived it
                yield relationship >= 0 ? 10 : Math.max(5, 10 + relationship);
            }
            case Objective.SmallTalk t -> smallTalkGoal(p, t);
        };
    }

    /**
     * No deal: 1 (the reservation was protected). A deal inside the reservation: 3 plus 7 times the
     * share of the way from reservation to target. A deal worse than the reservation: 0.
     */
    private double negotiationGoal(Objective.Negotiate n) {
        if (deal == null) {
            return 1;
        }
        double share = n.share(deal.price());
        return share < 0 ? 0 : 3 + 7 * share;
    }

    /** Spoken exchanges against the wanted number, minus 2 for a conversation someone walked out on. */
    private double smallTalkGoal(Party p, Objective.SmallTalk t) {
        double spoken = parties.stream().mapToInt(q -> q.actions).sum();
        double g = 10 * Math.min(1, spoken / t.exchanges());
        boolean walkedOut = parties.stream().anyMatch(q -> q.abruptLeave);
        return Math.max(0, g - (walkedOut ? 2 : 0));
    }

    /**
     * Relationship change -5..5 from the party's own conduct: the tone of everything it did, a
     * farewell, walking out, refusals, favours granted and deals closed.
     */
    private double relationship(Party p) {
        double r = 0.6 * p.toneSum;
        if (p.saidGoodbye) {
            r += 0.5;
        }
        if (p.abruptLeave) {
            r -= 1.5;
        }
        r -= 0.3 * p.refusalsGiven;
        r += 1.0 * p.grantsGiven + 0.5 * p.partialsGiven;
        if (deal != null && (p.id.equals(deal.offeredBy()) || p.id.equals(deal.acceptedBy()))) {
            r += 0.5;
        }
        // closeness magnifies both warmth and damage a little: friends notice more
        r *= 1 + 0.3 * params.relationship().closeness();
        return Math.max(-5, Math.min(5, r));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
