package org.parley.environments.dialogue.setting;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role's structured goal: what the environment measures goal progress against. The free-text
 * goal is what an LLM reads; the objective is what the scorer and the rule-based minds use.
 * Written in YAML as {@code objective: { type: negotiate, ... }}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Objective.Negotiate.class, name = "negotiate"),
    @JsonSubTypes.Type(value = Objective.AskFavour.class, name = "ask-favour"),
    @JsonSubTypes.Type(value = Objective.RefuseFavour.class, name = "refuse-favour"),
    @JsonSubTypes.Type(value = Objective.SmallTalk.class, name = "small-talk")
})
public sealed interface Objective {

    /** The type name as written in YAML. */
    String type();

    /** Problems with this objective, each {@code "field: what is wrong; fix"}, prefixed by {@code at}. */
    List<String> problems(String at);

    /** The objective as plain data for briefings and transcripts. */
    Map<String, Object> describe();

    /** Which side of a sale a negotiator is on. */
    enum Side {
        @JsonProperty("buyer") BUYER,
        @JsonProperty("seller") SELLER;

        /** +1 when a higher price is better for this side, -1 when a lower one is. */
        public int sign() {
            return this == SELLER ? 1 : -1;
        }

        public String label() {
            return this == SELLER ? "seller" : "buyer";
        }
    }

    /**
     * Haggling over the price of one item.
     *
     * @param item        what is being sold
     * @param side        buyer or seller
     * @param reservation the walk-away price: the most a buyer will pay, the least a seller accepts
     * @param target      the price hoped for; full goal marks at or beyond it
     * @param currency    symbol put before amounts in speech (default {@code $})
     */
    record Negotiate(String item, Side side, Double reservation, Double target, String currency) implements Objective {
        public Negotiate {
            currency = currency == null ? "$" : currency;
        }

        @Override
        public String type() {
            return "negotiate";
        }

        @Override
        public List<String> problems(String at) {
            var out = new ArrayList<String>();
            if (item == null || item.isBlank()) {
                out.add(at + ".item: missing; name what is being sold, e.g. item: used road bike");
            }
            if (side == null) {
                out.add(at + ".side: missing; write side: buyer or side: seller");
            }
            if (reservation == null || reservation <= 0) {
                out.add(at + ".reservation: must be a positive price, was " + reservation);
            }
            if (target == null || target <= 0) {
                out.add(at + ".target: must be a positive price, was " + target);
            }
            if (out.isEmpty()) {
                if (side == Side.SELLER && target <= reservation) {
                    out.add(at + ".target: a seller's target (" + target + ") must be above its reservation ("
                            + reservation + "); raise target or lower reservation");
                }
                if (side == Side.BUYER && target >= reservation) {
                    out.add(at + ".target: a buyer's target (" + target + ") must be below its reservation ("
                            + reservation + "); lower target or raise reservation");
                }
            }
            return out;
        }

        @Override
        public Map<String, Object> describe() {
            var m = new LinkedHashMap<String, Object>();
            m.put("type", type());
            m.put("item", item);
            m.put("side", side.label());
            m.put("reservation", reservation);
            m.put("target", target);
            m.put("currency", currency);
            return m;
        }

        /** How good {@code price} is for this side on 0..1: 0 at the reservation, 1 at or past the target. */
        public double share(double price) {
            double s = (price - reservation) / (target - reservation);
            return s < 0 ? s : Math.min(1, s);
        }
    }

    /**
     * Getting the other party to do something for you.
     *
     * @param favour what is asked, as a verb phrase ("lend me your car this weekend")
     * @param reason why, used when asking again
     */
    record AskFavour(String favour, String reason) implements Objective {
        @Override
        public String type() {
            return "ask-favour";
        }

        @Override
        public List<String> problems(String at) {
            return favour == null || favour.isBlank()
                    ? List.of(at + ".favour: missing; say what is asked, e.g. favour: lend me your car this weekend")
                    : List.of();
        }

        @Override
        public Map<String, Object> describe() {
            var m = new LinkedHashMap<String, Object>();
            m.put("type", type());
            m.put("favour", favour);
            if (reason != null) {
                m.put("reason", reason);
            }
            return m;
        }
    }

    /**
     * Turning down a request without damaging the relationship.
     *
     * @param favour the request expected (for briefings; requests are recognised whatever their words)
     * @param excuse the reason given when declining
     */
    record RefuseFavour(String favour, String excuse) implements Objective {
        @Override
        public String type() {
            return "refuse-favour";
        }

        @Override
        public List<String> problems(String at) {
            return List.of();
        }

        @Override
        public Map<String, Object> describe() {
            var m = new LinkedHashMap<String, Object>();
            m.put("type", type());
            if (favour != null) {
                m.put("favour", favour);
            }
            if (excuse != null) {
                m.put("excuse", excuse);
            }
            return m;
        }
    }

    /**
     * A pleasant conversation of some length.
     *
     * @param topics    things to talk about (the persona's values are used when empty)
     * @param exchanges how many spoken turns, by everyone together, make a full conversation (default 6)
     */
    record SmallTalk(List<String> topics, Integer exchanges) implements Objective {
        public SmallTalk {
            topics = topics == null ? List.of() : List.copyOf(topics);
            exchanges = exchanges == null ? 6 : exchanges;
        }

        @Override
        public String type() {
            return "small-talk";
        }

        @Override
        public List<String> problems(String at) {
            return exchanges < 1 ? List.of(at + ".exchanges: must be at least 1, was " + exchanges) : List.of();
        }

        @Override
        public Map<String, Object> describe() {
            var m = new LinkedHashMap<String, Object>();
            m.put("type", type());
            m.put("topics", topics);
            m.put("exchanges", exchanges);
            return m;
        }
    }
}
