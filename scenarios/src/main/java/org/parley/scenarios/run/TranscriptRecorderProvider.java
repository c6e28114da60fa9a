package org.parley.scenarios.run;

import org.parley.runtime.record.TranscriptRecorder;
import org.parley.runtime.run.RunListener;

/** Writes every run's JSONL transcripts to {@code <run>/episodes/<condition>/<index>.jsonl}. */
public final class TranscriptRecorderProvider implements RunListenerProvider {

    @Override
    public RunListener create(PreparedRun run) {
        return new TranscriptRecorder(run.dir());
    }
}
