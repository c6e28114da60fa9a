package org.parley.runtime.kernel;

import org.parley.runtime.environment.Action;

/** Checks on the actions minds return. */
final class Actions {
    private Actions() {}

    /**
     * The action with its mind's description filled in when the mind left it empty.
     *
     * @throws EpisodeFailure when the mind acted for another agent
     */
    static Action signed(Episode episode, Episode.Pending p, Action action) {
        var signed = episode.signed(p, action);
        if (signed == null) {
            throw new EpisodeFailure(p.agent(), "decide", "mind of '" + p.agent() + "' returned an action for '"
                    + action.agent() + "'; a mind may only act for its own agent");
        }
        return signed;
    }
}
