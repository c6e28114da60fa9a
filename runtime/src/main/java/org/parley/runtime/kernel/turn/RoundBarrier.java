package org.parley.runtime.kernel.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;

/**
 * One round of the simultaneous protocol: every agent is asked at once and the round closes when
 * all have answered or the barrier times out. Answers are released in declared agent order, never
 * in arrival order, so a run does not depend on which thread happened to be faster.
 */
public final class RoundBarrier {
    private final long round;
    private final List<String> agents;
    private final Map<String, Integer> positions;
    private final Action[] answers;
    private int answered;
    private boolean closed;

    /**
     * @param positions agent id to its index in {@code agents}
     */
    public RoundBarrier(long round, List<String> agents, Map<String, Integer> positions) {
        this.round = round;
        this.agents = agents;
        this.positions = positions;
        this.answers = new Action[agents.size()];
    }

    public long round() {
        return round;
    }

    /**
     * Takes an agent's answer for this round.
     *
     * @return false if the round is closed, the agent is unknown, or it already answered
     */
    public boolean answer(String agent, Action action) {
        Integer i = positions.get(agent);
        if (closed || i == null || answers[i] != null) {
            return false;
        }
        answers[i] = action;
        answered++;
        return true;
    }

    public boolean complete() {
        return answered == answers.length;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes the round; later answers are refused. */
    public void close() {
        closed = true;
    }

    /** The answers received, in declared agent order. */
    public List<Action> actionsInDeclaredOrder() {
        var out = new ArrayList<Action>(answered);
        for (Action a : answers) {
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** Agents that answered, in declared order. */
    public List<String> answeredAgents() {
        return select(true);
    }

    /** Agents that have not answered, in declared order. */
    public List<String> stragglers() {
        return select(false);
    }

    private List<String> select(boolean hasAnswer) {
        var out = new ArrayList<String>();
        for (int i = 0; i < answers.length; i++) {
            if ((answers[i] != null) == hasAnswer) {
                out.add(agents.get(i));
            }
        }
        return out;
    }
}
