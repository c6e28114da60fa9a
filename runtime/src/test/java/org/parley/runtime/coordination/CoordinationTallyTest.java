package org.parley.runtime.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.Coordination;
import org.parley.runtime.environment.Outcome;
import org.parley.runtime.event.EpisodeEvent;

class CoordinationTallyTest {
    private final CoordinationTally tally = new CoordinationTally("c/0001", "c", 1);

    private void act(Action action) {
        tally.accept(new EpisodeEvent.Acted("c/0001", 0, "r", action, 0));
    }

    private void coordinate(Coordination c) {
        tally.accept(new EpisodeEvent.Coordinated("c/0001", 0, c));
    }

    @Test
    void countsActionsOtherThanNoneAndTheMessagesAmongThem() {
        act(Action.speak("a", "hello"));
        act(Action.none("b"));
        act(Action.of("b", "non-verbal", "nods"));
        act(Action.of("a", "run_tests", ""));
        act(Action.of("a", "send_message", "done"));
        var r = tally.result();
        assertThat(r.actions()).isEqualTo(4);
        assertThat(r.messages()).isEqualTo(3);
    }

    @Test
    void aQuestionIsAnsweredByTheAddresseesNextMessageAndUnansweredByAnythingElse() {
        act(Action.speak("a", "Can you help?").addressedTo("b"));
        act(Action.speak("c", "I am not b.")); // not the addressee: the question stays open
        act(Action.none("b"));                  // nothing done does not settle it
        act(Action.speak("b", "Sure."));        // answered
        act(Action.speak("a", "And you, anyone? "));
        act(Action.leave("c", "bye"));          // the next action of someone else is not a message
        act(Action.speak("b", "Really?\""));    // asked with a closing quote, never answered
        assertThat(tally.questions()).isEqualTo(3);
        assertThat(tally.unansweredQuestions()).isEqualTo(2);
    }

    @Test
    void anArgumentMarksAQuestionWhateverTheText() {
        act(Action.speak("a", "Tell me your price.").withArgs(Map.of("question", true)));
        act(Action.speak("b", "Is that all?").withArgs(Map.of("question", "false")));
        assertThat(tally.questions()).isEqualTo(1);
    }

    @Test
    void declaredQuestionsReplaceTheConversationRule() {
        act(Action.speak("a", "Question by the rule?").addressedTo("b"));
        coordinate(new Coordination.Question("a", "b", "q1"));
        coordinate(new Coordination.Question("b", "a", "q2"));
        coordinate(new Coordination.Answer("b", "q1"));
        assertThat(tally.questions()).isEqualTo(2);
        assertThat(tally.unansweredQuestions()).isEqualTo(1);
    }

    @Test
    void countsTheTypedCoordinationEventsAndTakesTheBarrierAndScores() {
        coordinate(new Coordination.BarrierDeclared("a", "vagueness"));
        coordinate(new Coordination.CommitmentMade("a", Map.of()));
        coordinate(new Coordination.CommitmentMade("b", Map.of()));
        coordinate(new Coordination.CommitmentKept("a", Map.of()));
        coordinate(new Coordination.CommitmentBroken("b", Map.of()));
        coordinate(new Coordination.Conflict(null, Map.of()));
        coordinate(new Coordination.MergeConflict(null, Map.of()));
        coordinate(new Coordination.RepairAttempt("b", Map.of()));
        coordinate(new Coordination.JointSuccess(true));
        tally.accept(new EpisodeEvent.Scored("c/0001", 4, new Outcome(Map.of(),
                Map.of("mutual_understanding", 4.2, "unresolved-confusion", 1.5))));
        var r = tally.result();
        assertThat(r.barrier()).isEqualTo("vagueness");
        assertThat(r.commitmentsMade()).isEqualTo(2);
        assertThat(r.commitmentsKept()).isEqualTo(1);
        assertThat(r.commitmentsBroken()).isEqualTo(1);
        assertThat(r.conflicts()).isEqualTo(2);
        assertThat(r.repairAttempts()).isEqualTo(1);
        assertThat(r.success()).isEqualTo(1.0);
        assertThat(r.mutualUnderstanding()).isEqualTo(4.2);
        assertThat(r.unresolvedConfusion()).isEqualTo(1.5);
    }

    @Test
    void anEpisodeWithoutCoordinationEventsHasNoBarrierAndNoSuccess() {
        var r = tally.result();
        assertThat(r.barrier()).isEqualTo(EpisodeCoordination.NO_BARRIER);
        assertThat(r.success()).isNull();
        assertThat(r.mutualUnderstanding()).isNull();
        assertThat(r).isEqualTo(new EpisodeCoordination("c/0001", "c", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, "none", null,
                null, null));
    }
}
