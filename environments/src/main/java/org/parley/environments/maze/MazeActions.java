package org.parley.environments.maze;

import org.parley.runtime.environment.ActionSpace.ToolSpec;

/**
 * The maze's own action kinds and the observation kinds it emits, beside the common
 * {@link org.parley.runtime.environment.ActionKinds}.
 *
 * <p>Joint-move protocol (pair, {@code moves: joint}): an agent calls {@code propose} with a
 * direction; the proposal stays open until the partner calls {@code accept} (the move is tried) or
 * {@code reject} (a disputed move). Speaking does not close it. Proposing while the partner's
 * proposal is open rejects theirs (a counter-proposal, also counted as disputed); proposing while
 * one's own is open replaces it. In solo the single agent calls {@code move}.
 */
public final class MazeActions {
    public static final String PROPOSE = "propose";
    public static final String ACCEPT = "accept";
    public static final String REJECT = "reject";
    public static final String MOVE = "move";

    /** Observation kinds from the environment. */
    public static final String BRIEFING = "briefing";
    public static final String MOVED = "moved";
    public static final String BLOCKED = "blocked";
    public static final String GOAL = "goal";
    public static final String INVALID = "invalid";

    private static final String DIRECTION_SCHEMA = """
            {"type":"object","properties":{"direction":{"type":"string","enum":["north","east","south","west"],\
            "description":"north is up on the map, east is right"}},"required":["direction"]}""";
    private static final String REASON_SCHEMA = """
            {"type":"object","properties":{"reason":{"type":"string"}}}""";

    public static final ToolSpec PROPOSE_TOOL = new ToolSpec(PROPOSE,
            "Propose the next joint move; it happens only if your partner accepts.", DIRECTION_SCHEMA);
    public static final ToolSpec ACCEPT_TOOL = new ToolSpec(ACCEPT,
            "Accept your partner's open proposal: the move is tried at once.", REASON_SCHEMA);
    public static final ToolSpec REJECT_TOOL = new ToolSpec(REJECT,
            "Reject your partner's open proposal (say why).", REASON_SCHEMA);
    public static final ToolSpec MOVE_TOOL = new ToolSpec(MOVE,
            "Move one cell (solo play).", DIRECTION_SCHEMA);

    private MazeActions() {}
}
