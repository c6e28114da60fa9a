package org.parley.runtime.kernel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.episode.EpisodeResolver;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.kernel.Simulation;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.Limits;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;
import org.parley.runtime.seed.Seeds;

/**
 * Scale smoke program for the kernel alone: N two-agent episodes, all alive at once, of a
 * minimal dialogue with seeded minds. Prints episodes/s, actions/s and peak heap. Not a test.
 *
 * <p>Arguments: {@code [episodes=10000] [parallelism=episodes] [maxTurns=20] [thinkMillis=0]}. With
 * a think time the minds answer asynchronously after that delay (as LLM minds do), so every
 * episode stays alive long enough for all of them to run at once.
 *
 * <p>The system property {@code actionTimeoutMillis} (default 120000; 0 disables) sets the action
 * timeout, to see what the per-decision timer costs.
 *
 * <p>Run: {@code ./mvnw -q -pl runtime test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.parley.runtime.kernel.bench.KernelScaleBench -Dexec.args="10000 10000 20 50"}
 */
public final class KernelScaleBench {

    private static final class Chat implements Environment {
        private final List<String> agents = new ArrayList<>(2);
        private long turn;
        private int lines;

        @Override
        public Step start(EpisodeContext context) {
            context.agents().forEach(p -> agents.add(p.id()));
            return Step.of(new Observation(agents.get(0), 0, Observation.ENVIRONMENT, "briefing", "Open the talk.", Map.of()));
        }

        @Override
        public ActionSpace actionSpace(String agent) {
            return SPACE;
        }

        @Override
        public Step act(Action action) {
            turn++;
            if (!action.is(ActionKinds.SPEAK)) {
                return Step.of();
            }
            lines++;
            String other = agents.get(0).equals(action.agent()) ? agents.get(1) : agents.get(0);
            return Step.of(Observation.of(other, turn, action));
        }

        @Override
        public Outcome outcome() {
            return new Outcome(Map.of(), Map.of("lines", (double) lines));
        }
    }

    private static final Duration ACTION_TIMEOUT = Duration.ofMillis(Long.getLong("actionTimeoutMillis", 120_000));

    private static final ActionSpace SPACE = ActionSpace.of(ActionKinds.SPEAK, ActionKinds.NONE, ActionKinds.LEAVE);

    private static final java.util.concurrent.ScheduledExecutorService THINKING =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-think-time");
                t.setDaemon(true);
                return t;
            });

    private static final class Talker implements Mind {
        private final SplittableRandom random;
        private final long thinkMillis;
        private int heard;

        Talker(long seed, long thinkMillis) {
            random = new SplittableRandom(seed);
            this.thinkMillis = thinkMillis;
        }

        @Override
        public void perceive(Observation observation) {
            heard++;
        }

        @Override
        public CompletionStage<Action> decide(Turn turn) {
            Action a = random.nextInt(10) < 8 ? Action.speak(turn.agent(), "line " + heard) : Action.none(turn.agent());
            if (thinkMillis <= 0) {
                return CompletableFuture.completedFuture(a);
            }
            var later = new CompletableFuture<Action>();
            THINKING.schedule(() -> later.complete(a), thinkMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return later;
        }

        @Override
        public String describe() {
            return "rule-based:talker";
        }
    }

    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : episodes;
        int maxTurns = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long think = args.length > 3 ? Long.parseLong(args[3]) : 0;
        var specs = new ArrayList<EpisodeSpec>(episodes);
        for (int i = 0; i < episodes; i++) {
            specs.add(new EpisodeSpec("bench", "bench", i, Seeds.episode(1, "bench", i)));
        }
        EpisodeResolver resolver = spec -> new ResolvedEpisode(new TurnProtocol.Alternating(null),
                new Limits(maxTurns, 0, true, Duration.ofMinutes(10), ACTION_TIMEOUT), context -> new Chat(),
                List.of(new ResolvedEpisode.Agent("a", "host", Seeds.agent(spec.seed(), "a"), null,
                                (context, s) -> new Talker(s, think)),
                        new ResolvedEpisode.Agent("b", "guest", Seeds.agent(spec.seed(), "b"), null,
                                (context, s) -> new Talker(s, think))));
        var counting = new EventSink() {
            int alive;
            int peakAlive;
            long events;

            @Override
            public void accept(EpisodeEvent event) {
                events++;
                if (event instanceof EpisodeEvent.Started) {
                    peakAlive = Math.max(peakAlive, ++alive);
                } else if (event instanceof EpisodeEvent.Finished) {
                    alive--;
                }
            }
        };
        RunReport report = Simulation.run(new RunPlan("bench", "bench", "chat", specs, parallelism, RunPlan.Timestamps.LOGICAL),
                resolver, counting);
        double seconds = report.wallTime().toNanos() / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("episodes            %d (completed %d, failed %d)%n", report.planned(), report.completed(), report.failed());
        System.out.printf("peak concurrent     %d%n", counting.peakAlive);
        System.out.printf("actions             %d%n", report.actions());
        System.out.printf("events              %d%n", counting.events);
        System.out.printf("wall time           %.2f s%n", seconds);
        System.out.printf("episodes/s          %.0f%n", report.planned() / seconds);
        System.out.printf("actions/s           %.0f%n", report.actions() / seconds);
        System.out.printf("peak heap           %.0f MiB (sum of heap pools' peaks)%n", peakHeap / 1048576.0);
    }
}
