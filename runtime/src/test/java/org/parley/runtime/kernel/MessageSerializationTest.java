package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.environment.Fact;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.episode.EpisodeEvaluator;
import org.parley.runtime.event.EpisodeEvent;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.run.EpisodeResult;
import org.parley.runtime.run.RunReport;

/**
 * Every kernel message, and every event, survives a round trip through Pekko's serialization with
 * the serializer bound in reference.conf, so the same actors can talk across a cluster. (The other
 * kernel tests run with {@code serialize-messages = on}, so what they send is checked too.)
 */
class MessageSerializationTest extends KernelTest {

    private static Action action() {
        var args = new LinkedHashMap<String, Object>();
        args.put("price", 120);
        args.put("currency", "EUR");
        return Action.speak("buyer", "How about 120?").addressedTo("seller").withArgs(args).waitingForReply(3000)
                .producedBy("rule-based:negotiator");
    }

    private static final Outcome OUTCOME = new Outcome(Map.of("buyer", Map.of("goal", 7.5)), Map.of("deal", 1.0));

    private static EpisodeResult result() {
        return new EpisodeResult("baseline/0007", "baseline", 7, 99L, EpisodeResult.Status.COMPLETED, "agent-left", 12, 11,
                OUTCOME, Map.of("buyer", new EpisodeResult.AgentInfo("buyer", "rule-based:negotiator")));
    }

    static List<EpisodeEvent> events() {
        var observation = new Observation("seller", 3, "buyer", "speak", "How about 120?", Map.of("price", 120));
        String e = "baseline/0007";
        return List.of(
                new EpisodeEvent.Started(e, "baseline", 7, 99L, "alternating",
                        List.of(new EpisodeEvent.Started.Agent("buyer", "buyer", "rule-based:negotiator"))),
                new EpisodeEvent.TurnStarted(e, 3, 2),
                new EpisodeEvent.Observed(e, 3, observation, true),
                new EpisodeEvent.Acted(e, 3, "buyer", action(), 2_000_000L),
                new EpisodeEvent.LateAction(e, 4, 3, action()),
                new EpisodeEvent.RoundClosed(e, 3, 3, List.of("buyer"), List.of("seller"), 500_000_000L),
                new EpisodeEvent.Noted(e, 3, new Fact("deal", "buyer", Map.of("price", 120))),
                new EpisodeEvent.Coordinated(e, 3, new Coordination.Question("buyer", "seller", "q1")),
                new EpisodeEvent.Coordinated(e, 3, new Coordination.Answer("seller", "q1")),
                new EpisodeEvent.Coordinated(e, 3, new Coordination.CommitmentMade("buyer", Map.of("target", "parse"))),
                new EpisodeEvent.Coordinated(e, 3, new Coordination.CommitmentKept("buyer", Map.of())),
                new EpisodeEvent.Coordinated(e, 3, new Coordination.CommitmentBroken("buyer", Map.of())),
                new EpisodeEvent.Coordinated(e, 3, new Coordination.Conflict(null, Map.of("about", "price"))),
                new EpisodeEvent.Coordinated(e, 3, new Coordination.MergeConflict(null, Map.of("paths", List.of("a.fn")))),
                new EpisodeEvent.Coordinated(e, 3, new Coordination.RepairAttempt("seller", Map.of("score", 2.5))),
                new EpisodeEvent.Coordinated(e, 0, new Coordination.BarrierDeclared("buyer", "vagueness")),
                new EpisodeEvent.Coordinated(e, 9, new Coordination.JointSuccess(true)),
                new EpisodeEvent.Measured(e, 3, "offers", EpisodeEvent.Measured.Measure.COUNT, 1, Map.of("side", "buyer")),
                new EpisodeEvent.Failed(e, 3, "buyer", "evaluator", "judge model unreachable"),
                new EpisodeEvent.Scored(e, 12, OUTCOME),
                new EpisodeEvent.Finished(e, 12, result(), 1_234_567L));
    }

    private static List<KernelMessage> messages() {
        TestProbe<DecisionReply> replies = TestProbe.create(kit.system());
        TestProbe<SupervisorCommand> supervisor = TestProbe.create(kit.system());
        var observation = new Observation("seller", 3, "buyer", "speak", "How about 120?", Map.of("price", 120));
        var space = new ActionSpace(List.of("speak", "leave"),
                List.of(new ActionSpace.ToolSpec("offer", "Make an offer", "{\"type\":\"object\"}")));
        var messages = new ArrayList<KernelMessage>(List.of(
                new AgentCommand.Perceive(observation),
                new AgentCommand.Decide(new Turn("buyer", 4, space), 17, replies.getRef()),
                new AgentCommand.MindAnswered(17, action(), null, 123456789L),
                new AgentCommand.MindAnswered(18, null, "model unavailable", 5L),
                new DecisionReply.Decided("buyer", 17, action(), 2_000_000L),
                new DecisionReply.Deferred("buyer", 17),
                new DecisionReply.MindFailed("buyer", -1, "mind of 'buyer' failed to perceive: boom"),
                new EpisodeCommand.AgentReplied(new DecisionReply.Decided("buyer", 17, action(), 2_000_000L)),
                new EpisodeCommand.ActionTimedOut("buyer", 17),
                new EpisodeCommand.WaitTimedOut("buyer", 2, "seller", 3000),
                new EpisodeCommand.EpisodeTimedOut(60_000),
                new EpisodeCommand.RoundCollected(4, List.of(new EpisodeCommand.RoundCollected.Answer(action(), 1000)),
                        List.of("buyer"), List.of("seller"), 500_000_000L),
                new EpisodeCommand.LateAnswer(4, action()),
                new EpisodeCommand.RoundFailed("seller", "action-timeout: 'seller' did not decide within 200 ms"),
                new EpisodeCommand.Evaluated("agent-left", OUTCOME, new EpisodeEvaluator.Evaluation(
                        OUTCOME, List.of(new Fact("judge", null, Map.of("rubric", "sotopia-7")))), null),
                new EpisodeCommand.Evaluated("agent-left", OUTCOME, null, "judge model unreachable"),
                new SupervisorCommand.EpisodeFinished(7, result()),
                new SupervisorCommand.Recorded(16),
                new SupervisorCommand.SinkFailed("TranscriptWriter failed: disk full"),
                new SupervisorCommand.RecorderClosed(null),
                new RecorderCommand.FlushTick(),
                new RecorderCommand.Finish(new RunReport("run", 10, 9, 1, 120, java.time.Duration.ofSeconds(3)),
                        supervisor.getRef()),
                new RoundCollector.Reply(new DecisionReply.Deferred("buyer", 17)),
                new RoundCollector.BarrierTimedOut(),
                new RoundCollector.ActionTimedOut()));
        events().forEach(e -> messages.add(new RecorderCommand.Record(List.of(e))));
        return messages;
    }

    @Test
    void everyKernelMessageAndEventRoundTripsThroughJackson() {
        var serialization = SerializationExtension.get(kit.system().classicSystem());
        for (KernelMessage message : messages()) {
            var serializer = serialization.findSerializerFor(message);
            String name = message instanceof RecorderCommand.Record r
                    ? "Record(" + r.events().get(0).getClass().getSimpleName() + ")" : message.getClass().getSimpleName();
            assertThat(Serializers.manifestFor(serializer, message)).as(name).isNotNull();
            assertThat(serializer.getClass().getSimpleName()).as(name).isEqualTo("JacksonJsonSerializer");
            Object back = kit.serializationTestKit().verifySerialization(message, true);
            assertThat(back).as(name).isEqualTo(message);
        }
    }

    @Test
    void everyMessageTypeOfTheKernelIsCovered() {
        var covered = new ArrayList<Class<?>>(messages().stream().map(Object::getClass).distinct().toList());
        var declared = new ArrayList<Class<?>>();
        for (Class<?> owner : List.of(AgentCommand.class, DecisionReply.class, EpisodeCommand.class,
                SupervisorCommand.class, RecorderCommand.class, RoundCollector.Command.class)) {
            declared.addAll(List.of(owner.getPermittedSubclasses()));
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void everyEventTypeIsCovered() {
        List<Class<?>> covered = events().stream().<Class<?>>map(Object::getClass).distinct().toList();
        assertThat(covered).containsExactlyInAnyOrder(EpisodeEvent.class.getPermittedSubclasses());
        List<Class<?>> coordination = events().stream().filter(e -> e instanceof EpisodeEvent.Coordinated)
                .<Class<?>>map(e -> ((EpisodeEvent.Coordinated) e).coordination().getClass()).distinct().toList();
        assertThat(coordination).containsExactlyInAnyOrder(Coordination.class.getPermittedSubclasses());
    }
}
