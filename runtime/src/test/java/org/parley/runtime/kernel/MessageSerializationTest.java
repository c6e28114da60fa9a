package org.parley.runtime.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.mind.Turn;
import org.parley.runtime.run.EpisodeResult;

/**
 * Every kernel message survives a round trip through Pekko's serialization with the serializer
 * bound in reference.conf, so the same actors can talk across a cluster.
 */
class MessageSerializationTest extends KernelTest {

    private static Action action() {
        var args = new LinkedHashMap<String, Object>();
        args.put("price", 120);
        args.put("currency", "EUR");
        return Action.speak("buyer", "How about 120?").addressedTo("seller").withArgs(args).waitingForReply(3000)
                .producedBy("rule-based:negotiator");
    }

    private static List<KernelMessage> messages() {
        TestProbe<EpisodeActor.Command> episode = TestProbe.create(kit.system());
        var observation = new Observation("seller", 3, "buyer", "speak", "How about 120?", Map.of("price", 120));
        var space = new ActionSpace(List.of("speak", "leave"),
                List.of(new ActionSpace.ToolSpec("offer", "Make an offer", "{\"type\":\"object\"}")));
        var outcome = new Outcome(Map.of("buyer", Map.of("goal", 7.5)), Map.of("deal", 1.0));
        var result = new EpisodeResult("baseline/0007", "baseline", 7, 99L, EpisodeResult.Status.COMPLETED, "agent-left", 12,
                outcome, Map.of("buyer", new EpisodeResult.AgentInfo("buyer", "rule-based:negotiator")));
        return List.of(
                new AgentActor.Perceive(observation),
                new AgentActor.Decide(new Turn("buyer", 4, space), 17, episode.getRef()),
                new AgentActor.MindAnswered(17, action(), null, 123456789L),
                new AgentActor.MindAnswered(18, null, "model unavailable", 5L),
                new EpisodeActor.Decided("buyer", 17, action(), 2_000_000L),
                new EpisodeActor.Deferred("buyer", 17),
                new EpisodeActor.MindFailed("buyer", -1, "mind of 'buyer' failed to perceive: boom"),
                new EpisodeActor.ActionTimedOut("buyer", 17),
                new EpisodeActor.BarrierTimedOut(4),
                new EpisodeActor.WaitTimedOut("buyer", 2, "seller", 3000),
                new EpisodeActor.EpisodeTimedOut(60_000),
                new EpisodeActor.Evaluated("agent-left", outcome, new org.parley.runtime.run.EpisodeEvaluator.Evaluation(
                        outcome, List.of(new org.parley.runtime.environment.Event("judge", null, Map.of("rubric", "sotopia-7")))),
                        null),
                new EpisodeActor.Evaluated("agent-left", outcome, null, "judge model unreachable"),
                new RunSupervisor.EpisodeFinished(7, result, 12));
    }

    @Test
    void everyKernelMessageRoundTripsThroughJackson() {
        var serialization = SerializationExtension.get(kit.system().classicSystem());
        for (KernelMessage message : messages()) {
            var serializer = serialization.findSerializerFor(message);
            assertThat(Serializers.manifestFor(serializer, message)).as(message.getClass().getSimpleName()).isNotNull();
            assertThat(serializer.getClass().getSimpleName()).as(message.getClass().getSimpleName())
                    .isEqualTo("JacksonJsonSerializer");
            Object back = kit.serializationTestKit().verifySerialization(message, true);
            assertThat(back).isEqualTo(message);
        }
    }

    @Test
    void everyMessageTypeOfTheKernelIsCovered() {
        var covered = messages().stream().map(Object::getClass).distinct().toList();
        var declared = new java.util.ArrayList<Class<?>>();
        for (Class<?> owner : List.of(AgentActor.Command.class, EpisodeActor.Command.class, RunSupervisor.Command.class)) {
            declared.addAll(List.of(owner.getPermittedSubclasses()));
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(declared);
    }
}
