package org.parley.runtime.kernel;

import org.apache.pekko.actor.typed.ActorRef;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.RunReport;

/** Messages a {@link RunRecorder} understands. */
public sealed interface RecorderCommand extends KernelMessage {

    /** One event of an episode, for every sink. */
    record Record(EpisodeEvent event) implements RecorderCommand {}

    /** Timer: write out what the sinks buffer. */
    record FlushTick() implements RecorderCommand {}

    /** Every episode has finished: flush and finish every sink, then tell {@code replyTo}. */
    record Finish(RunReport report, ActorRef<SupervisorCommand> replyTo) implements RecorderCommand {}
}
