package org.parley.runtime.kernel.turn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;

/**
 * Who may decide under the {@code free} protocol. Each agent has a mailbox; it decides whenever it
 * is idle and has observed something new. After an action that names an addressee and a wait, the
 * agent waits for an observation whose source is that addressee, or for a timeout (capped by the
 * protocol's {@code maxWait}), and meanwhile does not decide.
 *
 * <p>An agent's own actions echoed back to it are perceived but are not "new": otherwise an agent
 * that hears itself would talk forever.
 */
public final class FreeSchedule {

    /** What an agent is doing. */
    public enum State { IDLE, DECIDING, WAITING }

    private final List<String> agents;
    private final Map<String, Integer> positions;
    private final long maxWaitMillis;
    private final State[] state;
    private final boolean[] fresh;
    private final String[] awaiting;
    private final long[] waitToken;

    public FreeSchedule(List<String> agents, Map<String, Integer> positions, Duration maxWait) {
        this.agents = agents;
        this.positions = positions;
        this.maxWaitMillis = maxWait == null ? Long.MAX_VALUE : Math.max(0, maxWait.toMillis());
        int n = agents.size();
        this.state = new State[n];
        java.util.Arrays.fill(state, State.IDLE);
        this.fresh = new boolean[n];
        this.awaiting = new String[n];
        this.waitToken = new long[n];
    }

    public State state(String agent) {
        return state[index(agent)];
    }

    /**
     * An observation reached {@code agent}.
     *
     * @return true if it was the reply the agent was waiting for (its wait is over)
     */
    public boolean observed(String agent, String source) {
        int i = index(agent);
        if (agent.equals(source)) {
            return false;
        }
        fresh[i] = true;
        if (state[i] == State.WAITING && source != null && source.equals(awaiting[i])) {
            state[i] = State.IDLE;
            awaiting[i] = null;
            waitToken[i]++;
            return true;
        }
        return false;
    }

    /** Agents that should decide now, in declared order; they are marked as deciding. */
    public List<String> dueToDecide() {
        List<String> due = List.of();
        for (int i = 0; i < state.length; i++) {
            if (state[i] == State.IDLE && fresh[i]) {
                if (due.isEmpty()) {
                    due = new ArrayList<>(2);
                }
                state[i] = State.DECIDING;
                fresh[i] = false;
                due.add(agents.get(i));
            }
        }
        return due;
    }

    /**
     * The agent's action was applied.
     *
     * @return how long it now waits for a reply in milliseconds (capped by maxWait), or 0 if it is idle
     */
    public long acted(Action action) {
        int i = index(action.agent());
        long wait = Math.min(action.waitMillis(), maxWaitMillis);
        if (wait > 0 && action.to() != null && !action.to().equals(action.agent())) {
            state[i] = State.WAITING;
            awaiting[i] = action.to();
            waitToken[i]++;
            return wait;
        }
        state[i] = State.IDLE;
        return 0;
    }

    /** Identifies the current wait of an agent so a stale timer can be told apart. */
    public long waitToken(String agent) {
        return waitToken[index(agent)];
    }

    /** The addressee the agent waits for, or null. */
    public String awaiting(String agent) {
        return awaiting[index(agent)];
    }

    /**
     * A wait timer fired.
     *
     * @return true if it still applies: the agent is idle again and will perceive a timeout
     */
    public boolean timedOut(String agent, long token) {
        int i = index(agent);
        if (state[i] != State.WAITING || waitToken[i] != token) {
            return false;
        }
        state[i] = State.IDLE;
        awaiting[i] = null;
        waitToken[i]++;
        fresh[i] = true;
        return true;
    }

    /** Every agent is idle and nobody has anything new: nothing will ever happen again. */
    public boolean quiescent() {
        for (int i = 0; i < state.length; i++) {
            if (state[i] != State.IDLE || fresh[i]) {
                return false;
            }
        }
        return true;
    }

    private int index(String agent) {
        Integer i = positions.get(agent);
        if (i == null) {
            throw new IllegalArgumentException("'" + agent + "' is not an agent of this episode; agents: " + agents);
        }
        return i;
    }
}
