package org.parley.runtime.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.run.RunPlan;

/**
 * Writes each episode's transcript to {@code <run>/episodes/<episode id>.jsonl}: one compact JSON
 * object per line ({@link TranscriptEntry}), worded by {@link TranscriptLines}. Episode ids such as
 * {@code baseline/0007} give one folder per condition.
 *
 * <p>Lines are numbered and stamped here. <b>Logical time</b> (the default): the {@code time} of a
 * line is the decimal string of milliseconds on the episode's own clock; turn {@code t} begins at
 * {@code t * 1000} and every line advances the clock by one, so the n-th line of a turn is at
 * {@code t * 1000 + n} (should a turn write more than 1000 lines the clock keeps counting, so time
 * never runs backwards). It depends only on what happened, so equal seeds give equal bytes.
 * <b>Wall-clock time</b>: the ISO-8601 instant at which the line was written.
 *
 * <p>An episode's lines are kept in memory and written when it finishes, and those of episodes
 * still running at every {@link #flush()} (about once a second), so a slow LLM episode can be
 * followed on disk while a fast rule-based run writes each file in one go. A (re)started episode
 * truncates its file, so resuming a run never duplicates lines; a killed run loses at most the
 * last second of the episodes in flight, which a resume runs again.
 */
public final class TranscriptWriter implements EventSink {
    private final Path episodesDir;
    private final ObjectMapper json = Json.mapper();
    private final Map<String, Transcript> running = new HashMap<>();
    /** Condition folders known to exist, so a new transcript costs no look-up of its folder. */
    private final Set<Path> folders = new HashSet<>();
    private boolean wallClock;

    /** One running episode's transcript: its numbering, its clock, and the lines not yet on disk. */
    private final class Transcript {
        final Path file;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream(8192);
        final JsonGenerator out;
        long seq;
        long clock = -1;
        boolean created;

        Transcript(Path file) {
            this.file = file;
            try {
                // one line after another, with no separator but the newline written after each
                this.out = json.getFactory().createGenerator(pending).setRootValueSeparator(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen: the target is memory
            }
        }
    }

    /** Writes into {@code runDir/episodes}. */
    public TranscriptWriter(Path runDir) {
        this.episodesDir = runDir.resolve("episodes").toAbsolutePath().normalize();
    }

    /** Where the transcript of an episode goes. */
    public Path transcriptOf(String episodeId) {
        Path file = episodesDir.resolve(episodeId + ".jsonl").normalize();
        if (!file.startsWith(episodesDir) || episodeId.isBlank()) {
            throw new IllegalArgumentException("episode id '" + episodeId
                    + "' does not name a file inside the run's episodes folder; use ids like condition/0001");
        }
        return file;
    }

    @Override
    public void runStarted(RunPlan plan) {
        wallClock = plan.timestamps() == RunPlan.Timestamps.WALL;
    }

    @Override
    public void accept(EpisodeEvent event) {
        var line = TranscriptLines.of(event, wallClock);
        if (line == null) {
            return;
        }
        Transcript t = event instanceof EpisodeEvent.Started
                ? running.compute(event.episode(), (id, old) -> new Transcript(transcriptOf(id)))
                : running.computeIfAbsent(event.episode(), id -> new Transcript(transcriptOf(id)));
        long seq = t.seq++;
        // Written field by field as TranscriptEntry reads them back: the line's data is already
        // ordered, so copying it into an entry first would only cost time.
        try {
            JsonGenerator out = t.out;
            out.writeStartObject();
            out.writeNumberField("seq", seq);
            out.writeNumberField("turn", event.turn());
            out.writeStringField("time", stamp(t, event.turn()));
            out.writeStringField("type", line.type());
            if (line.agent() != null) {
                out.writeStringField("agent", line.agent());
            }
            out.writeFieldName("data");
            writeValue(out, line.data());
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new IllegalStateException("transcript line " + seq + " of " + event.episode()
                    + " cannot be written as JSON: " + e.getMessage(), e);
        }
        if (event instanceof EpisodeEvent.Finished) {
            write(t);
            running.remove(event.episode());
        }
    }

    /**
     * Writes a line's data through the generator: maps, lists, text, numbers and booleans, which
     * is what transcripts hold, directly; anything else through the mapper. (Databind looks up a
     * serializer for every value of every map, which made it most of the cost of a transcript.)
     */
    private void writeValue(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case String text -> out.writeString(text);
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (var entry : map.entrySet()) {
                    out.writeFieldName(String.valueOf(entry.getKey()));
                    writeValue(out, entry.getValue());
                }
                out.writeEndObject();
            }
            case List<?> list -> {
                out.writeStartArray();
                for (Object item : list) {
                    writeValue(out, item);
                }
                out.writeEndArray();
            }
            case Integer n -> out.writeNumber(n);
            case Long n -> out.writeNumber(n);
            case Double n -> out.writeNumber(n);
            case Boolean b -> out.writeBoolean(b);
            default -> json.writeValue(out, value);
        }
    }

    private String stamp(Transcript t, long turn) {
        if (wallClock) {
            return Instant.now().toString();
        }
        t.clock = Math.max(t.clock + 1, turn * 1000);
        return Long.toString(t.clock);
    }

    @Override
    public void flush() {
        for (Transcript t : running.values()) {
            write(t);
        }
    }

    /** Appends the pending lines to the file (creating or truncating it the first time). */
    private void write(Transcript t) {
        try {
            t.out.flush();
            Path folder = t.file.getParent();
            if (!t.created && folders.add(folder)) {
                Files.createDirectories(folder);
            }
            var options = t.created
                    ? new StandardOpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                    : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING};
            try (var out = Files.newOutputStream(t.file, options)) {
                t.pending.writeTo(out);
            }
            t.created = true;
            t.pending.reset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write transcript " + t.file + ": " + e.getMessage(), e);
        }
    }

    /** Episodes with lines in memory: started and not finished. */
    public int running() {
        return running.size();
    }
}
