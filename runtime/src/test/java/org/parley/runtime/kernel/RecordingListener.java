package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.runtime.environment.Action;
import org.parley.runtime.run.EpisodePlan;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunListener;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;
import org.parley.runtime.run.TranscriptEntry;

/** Keeps every listener call of a run for assertions. */
class RecordingListener implements RunListener {
    record BarrierClosed(String episode, long round, Duration waited, int stragglers) {}

    record Decided(String episode, String role, Action action) {}

    final Map<String, List<TranscriptEntry>> transcripts = new ConcurrentHashMap<>();
    final Map<String, EpisodeResult> results = new ConcurrentHashMap<>();
    final List<BarrierClosed> barriers = Collections.synchronizedList(new ArrayList<>());
    final List<Decided> decided = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> backlog = Collections.synchronizedList(new ArrayList<>());
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peakInFlight = new AtomicInteger();
    volatile RunReport report;

    @Override
    public void runStarted(RunPlan plan) {
        calls.add("runStarted");
    }

    @Override
    public void episodeStarted(EpisodePlan episode) {
        calls.add("episodeStarted " + episode.id());
        transcripts.put(episode.id(), Collections.synchronizedList(new ArrayList<>()));
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    @Override
    public void transcript(EpisodePlan episode, TranscriptEntry entry) {
        transcripts.get(episode.id()).add(entry);
    }

    @Override
    public void actionDecided(EpisodePlan episode, String role, Action action, Duration latency) {
        decided.add(new Decided(episode.id(), role, action));
    }

    @Override
    public void barrierClosed(EpisodePlan episode, long round, Duration wait, int stragglers) {
        barriers.add(new BarrierClosed(episode.id(), round, wait, stragglers));
    }

    @Override
    public void backlog(EpisodePlan episode, int pendingMessages) {
        backlog.add(pendingMessages);
    }

    @Override
    public void episodeFinished(EpisodeResult result, Duration duration) {
        inFlight.decrementAndGet();
        calls.add("episodeFinished " + result.episodeId());
        results.put(result.episodeId(), result);
    }

    @Override
    public void runFinished(RunReport report) {
        calls.add("runFinished");
        this.report = report;
    }

    List<TranscriptEntry> transcript(String episode) {
        return List.copyOf(transcripts.get(episode));
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
        return results.get(episode);
    }
}
