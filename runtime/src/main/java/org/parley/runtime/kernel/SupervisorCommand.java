package org.parley.runtime.kernel;

import org.parley.runtime.run.EpisodeResult;

/** Messages a {@link RunSupervisor} understands. */
public sealed interface SupervisorCommand extends KernelMessage {

    /** An episode finished; its actor stops right after sending this. */
    record EpisodeFinished(int slot, EpisodeResult result) implements SupervisorCommand {}

    /** The run's recorder has handed the last event of this many episodes to every sink. */
    record Recorded(int episodes) implements SupervisorCommand {}

    /** A sink failed: the run stops with this message. */
    record SinkFailed(String message) implements SupervisorCommand {}

    /** The recorder has finished every sink after the run's last episode. */
    record RecorderClosed(String error) implements SupervisorCommand {}
}
