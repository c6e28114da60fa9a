package org.parley.runtime.mind;

import org.parley.runtime.environment.ActionSpace;

/**
 * The runtime's request for an agent to act now.
 *
 * @param agent   the agent asked to act
 * @param number  the episode's turn counter (0-based)
 * @param actions what it may do, as the environment declared it
 */
public record Turn(String agent, long number, ActionSpace actions) {}
