package org.parley.environments.codebase;

/**
 * An intention an agent states in a message, checked against what it finally submits.
 *
 * @param agent   who committed
 * @param kind    {@link Kind}
 * @param target  {@code file#function}
 * @param feature for {@link Kind#INCLUDE}, the partner's feature it promised to implement; else null
 * @param turn    when it was made
 */
public record Commitment(String agent, Kind kind, String target, String feature, long turn) {

    public enum Kind {
        /** "I will change function X in file Y" / "I will add function X to Y". */
        CHANGE,
        /** "I will not touch function X in file Y". */
        KEEP_OUT,
        /** "I will include your change for f2 in X in Y". */
        INCLUDE;

        public String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** Commitments of one agent about one target replace each other; this is that key. */
    public String key() {
        return agent + "|" + target + "|" + (feature == null ? "" : feature);
    }
}
