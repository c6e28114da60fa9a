package org.parley.runtime.kernel;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.run.RunReport;

/** Messages a {@link RunRecorder} understands. */
public sealed interface RecorderCommand extends KernelMessage {

    /**
     * Events of one episode, in order, for every sink: what the episode emitted while it handled one
     * message (a turn, usually), sent together.
     */
    record Record(List<EpisodeEvent> events) implements RecorderCommand {
        public Record {
            events = List.copyOf(events);
        }
    }

    /** Timer: write out what the sinks buffer. */
    record FlushTick() implements RecorderCommand {}

    /** Every episode has finished: flush and finish every sink, then tell {@code replyTo}. */
    record Finish(RunReport report, ActorRef<SupervisorCommand> replyTo) implements RecorderCommand {}
}
