package org.parley.runtime.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.environment.Step;
import org.parley.runtime.episode.EpisodeResolver;
import org.parley.runtime.episode.ResolvedEpisode;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.EpisodeSpec;
import org.parley.runtime.run.Limits;
import org.parley.runtime.run.RunPlan;
import org.parley.runtime.run.RunReport;

/**
 * What the kernel costs over Pekko itself: the same number of messages through the kernel (two
 * agents taking turns in a trivial environment with trivial minds, no sinks) and between two bare
 * Pekko typed actors bouncing the same number of messages, in the same JVM. A turn of the kernel is
 * three messages (the episode asks an agent, the agent answers, the other agent is told what it
 * did) and an episode one more (its end, to the supervisor); the bare actors keep as many messages
 * in flight as the kernel runs episodes at once. {@code parley bench --kernel-vs-pekko} prints it.
 */
public final class KernelBenchmark {
    private KernelBenchmark() {}

    /**
     * One measurement: messages passed and the seconds each side took.
     *
     * @param messages the number of messages on each side
     */
    public record Figures(long messages, double kernelSeconds, double pekkoSeconds) {
        public double kernelMessagesPerSecond() {
            return messages / kernelSeconds;
        }

        public double pekkoMessagesPerSecond() {
            return messages / pekkoSeconds;
        }

        /** Kernel throughput over bare Pekko throughput (1 would mean the kernel adds nothing). */
        public double ratio() {
            return pekkoSeconds / kernelSeconds;
        }
    }

    /** Messages the kernel passes for {@code episodes} episodes of {@code turns} turns each. */
    public static long messages(int episodes, int turns) {
        return (long) episodes * (3L * turns + 1);
    }

    /**
     * Runs both sides once.
     *
     * @param kernelFirst which side runs first (alternate it, so a drift in the machine's load hits both alike)
     */
    public static Figures kernelVsPekko(int episodes, int turns, int parallelism, boolean kernelFirst) {
        // Logging set up here, once, rather than by the first actor system's threads at the same time
        // (SLF4J would then say on the console that it replayed a call made while it was starting).
        org.slf4j.LoggerFactory.getILoggerFactory();
        long messages = messages(episodes, turns);
        double kernel;
        double pekko;
        if (kernelFirst) {
            kernel = kernel(episodes, turns, parallelism);
            pekko = pekko(messages, parallelism);
        } else {
            pekko = pekko(messages, parallelism);
            kernel = kernel(episodes, turns, parallelism);
        }
        return new Figures(messages, kernel, pekko);
    }

    /** Seconds the kernel takes for the episodes. */
    static double kernel(int episodes, int turns, int parallelism) {
        var specs = new ArrayList<EpisodeSpec>(episodes);
        for (int i = 0; i < episodes; i++) {
            specs.add(new EpisodeSpec("kernel-bench", "bench", i, i));
        }
        var limits = new Limits(turns, 0, false, Duration.ofMinutes(10), Duration.ZERO);
        EpisodeResolver resolver = spec -> new ResolvedEpisode(new TurnProtocol.Alternating(null), limits,
                context -> new Echo(), List.of(new ResolvedEpisode.Agent("a", "a", 1, null, (context, seed) -> new Speaker()),
                        new ResolvedEpisode.Agent("b", "b", 2, null, (context, seed) -> new Speaker())));
        long start = System.nanoTime();
        RunReport report = Simulation.run(new RunPlan("kernel-bench", "bench", "echo", specs, parallelism,
                RunPlan.Timestamps.LOGICAL), resolver, List.of());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report.completed() != episodes || report.actions() != (long) episodes * turns) {
            throw new IllegalStateException("the kernel benchmark did not run as planned: " + report);
        }
        return seconds;
    }

    /** Seconds two bare actors take to pass {@code messages} messages with {@code inFlight} of them under way. */
    static double pekko(long messages, int inFlight) {
        var done = new CompletableFuture<Long>();
        ActorSystem<Start> system = ActorSystem.create(Behaviors.setup(ctx -> {
            ActorRef<Ball> b = ctx.spawn(bouncer(null), "b");
            return Behaviors.receive(Start.class).onMessage(Start.class, start -> {
                ActorRef<Ball> a = ctx.spawn(counter(messages, done, start.nanos()), "a");
                for (int i = 0; i < inFlight; i++) {
                    b.tell(new Ball(a));
                }
                return Behaviors.same();
            }).build();
        }), "pekko-bench", KernelConfig.load());
        try {
            system.tell(new Start(System.nanoTime()));
            long nanos = done.get(10, TimeUnit.MINUTES);
            return nanos / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("the bare Pekko benchmark did not finish: " + e, e);
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().join();
        }
    }

    private record Start(long nanos) {}

    /** A message bounced between the two actors; it names where to send it back. */
    private record Ball(ActorRef<Ball> replyTo) {}

    /** Sends every ball back to where it came from, naming itself. */
    private static Behavior<Ball> bouncer(ActorRef<Ball> ignored) {
        return Behaviors.setup(ctx -> Behaviors.receive(Ball.class).onMessage(Ball.class, ball -> {
            ball.replyTo().tell(new Ball(ctx.getSelf()));
            return Behaviors.same();
        }).build());
    }

    /** Counts the messages both actors have passed, sending each ball back until there were enough. */
    private static Behavior<Ball> counter(long messages, CompletableFuture<Long> done, long startNanos) {
        return Behaviors.setup(ctx -> {
            long[] passed = {0};
            return Behaviors.receive(Ball.class).onMessage(Ball.class, ball -> {
                passed[0] += 2; // the ball's trip here and its trip back
                if (passed[0] >= messages) {
                    done.complete(System.nanoTime() - startNanos);
                } else {
                    ball.replyTo().tell(new Ball(ctx.getSelf()));
                }
                return Behaviors.same();
            }).build();
        });
    }

    /** Tells the other agent what one agent said: one observation per action, nothing else. */
    private static final class Echo implements Environment {
        private static final ActionSpace SPACE = ActionSpace.of(ActionKinds.SPEAK);
        private String first;
        private String second;
        private long turn;

        @Override
        public Step start(EpisodeContext context) {
            first = context.agents().get(0).id();
            second = context.agents().get(1).id();
            return Step.of();
        }

        @Override
        public ActionSpace actionSpace(String agent) {
            return SPACE;
        }

        @Override
        public Step act(Action action) {
            String other = action.agent().equals(first) ? second : first;
            return Step.of(Observation.of(other, ++turn, action));
        }

        @Override
        public Outcome outcome() {
            return new Outcome(Map.of(), Map.of());
        }
    }

    /** Always says the same thing. */
    private static final class Speaker implements Mind {
        @Override
        public void perceive(Observation observation) {}

        @Override
        public CompletionStage<Action> decide(Turn turn) {
            return CompletableFuture.completedFuture(Action.speak(turn.agent(), "hello"));
        }

        @Override
        public String describe() {
            return "bench:speaker";
        }
    }
}
