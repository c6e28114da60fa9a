package org.parley.runtime.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.Action;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.output.TranscriptEntry;
import org.parley.runtime.output.TranscriptLines;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * Keeps every event of a run for assertions, and each episode's transcript as the transcript
 * writer numbers it (logical time). Sinks are called from one thread, so plain collections do;
 * tests read them after the run has finished.
 */
class RecordingSink implements EventSink {
    record Decided(String episode, String role, Action action) {}

    final List<EpisodeEvent> events = new ArrayList<>();
    final Map<String, List<TranscriptEntry>> transcripts = new HashMap<>();
    final Map<String, EpisodeResult> results = new HashMap<>();
    final List<EpisodeEvent.RoundClosed> rounds = new ArrayList<>();
    final List<Decided> decided = new ArrayList<>();
    final List<Integer> backlog = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    int inFlight;
    int peakInFlight;
    volatile RunReport report;

    @Override
    public void runStarted(RunPlan plan) {
        calls.add("runStarted");
    }

    @Override
    public void accept(EpisodeEvent event) {
        events.add(event);
        switch (event) {
            case EpisodeEvent.Started s -> {
                calls.add("started " + s.episode());
                transcripts.put(s.episode(), new ArrayList<>());
                peakInFlight = Math.max(peakInFlight, ++inFlight);
            }
            case EpisodeEvent.Acted a -> decided.add(new Decided(a.episode(), a.role(), a.action()));
            case EpisodeEvent.RoundClosed r -> rounds.add(r);
            case EpisodeEvent.TurnStarted t -> backlog.add(t.unread());
            case EpisodeEvent.Finished f -> {
                inFlight--;
                calls.add("finished " + f.episode());
                results.put(f.episode(), f.result());
            }
            default -> { }
        }
        var line = TranscriptLines.of(event, false);
        if (line != null) {
            var transcript = transcripts.computeIfAbsent(event.episode(), id -> new ArrayList<>());
            long clock = transcript.isEmpty() ? -1 : Long.parseLong(transcript.get(transcript.size() - 1).time());
            clock = Math.max(clock + 1, event.turn() * 1000);
            transcript.add(new TranscriptEntry(transcript.size(), event.turn(), Long.toString(clock), line.type(),
                    line.agent(), line.data()));
        }
    }

    @Override
    public void runFinished(RunReport report) {
        calls.add("runFinished");
        this.report = report;
    }

    List<TranscriptEntry> transcript(String episode) {
        return List.copyOf(transcripts.get(Plans.id(episode)));
    }

    /** "agent:kind:text" of every applied action, in transcript order. */
    List<String> actions(String episode) {
        return transcript(episode).stream()
                .filter(e -> e.type().equals(TranscriptEntry.ACTION))
                .map(e -> e.agent() + ":" + e.data().get("kind") + ":" + e.data().get("text"))
                .toList();
    }

    List<String> speakers(String episode) {
        return transcript(episode).stream().filter(e -> e.type().equals(TranscriptEntry.ACTION)).map(TranscriptEntry::agent).toList();
    }

    List<TranscriptEntry> entries(String episode, String type) {
        return transcript(episode).stream().filter(e -> e.type().equals(type)).toList();
    }

    EpisodeResult result(String episode) {
        return results.get(Plans.id(episode));
    }

    /** The events of one episode, in order. */
    List<EpisodeEvent> events(String episode) {
        String id = Plans.id(episode);
        return events.stream().filter(e -> e.episode().equals(id)).toList();
    }
}
