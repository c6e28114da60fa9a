package org.parley.runtime.environment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/**
 * The coordination vocabulary: what an environment reports so that Parley's coordination and
 * communication-barrier figures (summary.json's {@code coordination} section, the
 * {@code parley_coordination_*} and {@code parley_communication_*} metrics) count it. Each is an
 * {@link Event}, so it is also a transcript line under its {@link #type()}.
 *
 * <p>Each record has the typed fields the figures read and a {@code data} map for the transcript;
 * the short constructors fill {@code data} from the typed fields. How each is counted is written
 * down in docs/metrics.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Coordination.Question.class, name = "question-asked"),
    @JsonSubTypes.Type(value = Coordination.Answer.class, name = "question-answered"),
    @JsonSubTypes.Type(value = Coordination.CommitmentMade.class, name = "commitment-made"),
    @JsonSubTypes.Type(value = Coordination.CommitmentKept.class, name = "commitment-kept"),
    @JsonSubTypes.Type(value = Coordination.CommitmentBroken.class, name = "commitment-broken"),
    @JsonSubTypes.Type(value = Coordination.Conflict.class, name = "conflict"),
    @JsonSubTypes.Type(value = Coordination.MergeConflict.class, name = "merge-conflict"),
    @JsonSubTypes.Type(value = Coordination.RepairAttempt.class, name = "repair-attempt"),
    @JsonSubTypes.Type(value = Coordination.BarrierDeclared.class, name = "communication-barrier"),
    @JsonSubTypes.Type(value = Coordination.JointSuccess.class, name = "joint-success")
})
public sealed interface Coordination extends Event {

    /**
     * A question an environment recognised, with an id that its {@link Answer} names. An episode
     * that declares any question is counted by its declarations; one that declares none by the
     * conversation rule of docs/metrics.md.
     */
    record Question(String agent, String to, String id, Map<String, Object> data) implements Coordination {
        public Question {
            data = OrderedData.copy(data);
        }

        public Question(String agent, String to, String id) {
            this(agent, to, id, OrderedData.of("question", id, "to", to));
        }

        @Override
        @JsonIgnore
        public String type() {
            return "question-asked";
        }
    }

    /** The answer to the declared question {@code question}; questions left without one are unanswered. */
    record Answer(String agent, String question, Map<String, Object> data) implements Coordination {
        public Answer {
            data = OrderedData.copy(data);
        }

        public Answer(String agent, String question) {
            this(agent, question, OrderedData.of("question", question));
        }

        @Override
        @JsonIgnore
        public String type() {
            return "question-answered";
        }
    }

    /** An agent committed to something (e.g. "I will change parse()"). */
    record CommitmentMade(String agent, Map<String, Object> data) implements Coordination {
        public CommitmentMade {
            data = OrderedData.copy(data);
        }

        @Override
        @JsonIgnore
        public String type() {
            return "commitment-made";
        }
    }

    /** A commitment turned out kept. */
    record CommitmentKept(String agent, Map<String, Object> data) implements Coordination {
        public CommitmentKept {
            data = OrderedData.copy(data);
        }

        @Override
        @JsonIgnore
        public String type() {
            return "commitment-kept";
        }
    }

    /** A commitment turned out broken. */
    record CommitmentBroken(String agent, Map<String, Object> data) implements Coordination {
        public CommitmentBroken {
            data = OrderedData.copy(data);
        }

        @Override
        @JsonIgnore
        public String type() {
            return "commitment-broken";
        }
    }

    /** Agents' plans or work collided (other than in a merge). */
    record Conflict(String agent, Map<String, Object> data) implements Coordination {
        public Conflict {
            data = OrderedData.copy(data);
        }

        @Override
        @JsonIgnore
        public String type() {
            return "conflict";
        }
    }

    /** Merging the agents' work conflicted; counted as a conflict. */
    record MergeConflict(String agent, Map<String, Object> data) implements Coordination {
        public MergeConflict {
            data = OrderedData.copy(data);
        }

        @Override
        @JsonIgnore
        public String type() {
            return "merge-conflict";
        }
    }

    /** A listener tried to repair a misunderstanding: asked for clarification, probed, calmed. */
    record RepairAttempt(String agent, Map<String, Object> data) implements Coordination {
        public RepairAttempt {
            data = OrderedData.copy(data);
        }

        @Override
        @JsonIgnore
        public String type() {
            return "repair-attempt";
        }
    }

    /**
     * The episode's communication barrier (e.g. {@code vagueness}): the {@code barrier} label of its
     * understanding, confusion and repair figures. Episodes that declare none are labelled {@code none}.
     */
    record BarrierDeclared(String agent, String barrier, Map<String, Object> data) implements Coordination {
        public BarrierDeclared {
            if (barrier == null || barrier.isBlank()) {
                throw new IllegalArgumentException("a declared barrier needs its type, e.g. \"vagueness\"");
            }
            data = OrderedData.copy(data);
        }

        public BarrierDeclared(String agent, String barrier) {
            this(agent, barrier, OrderedData.of("barrier", barrier));
        }

        @Override
        @JsonIgnore
        public String type() {
            return "communication-barrier";
        }
    }

    /** Whether the agents reached their joint goal: the success rate counts these. */
    record JointSuccess(boolean reached, Map<String, Object> data) implements Coordination {
        public JointSuccess {
            data = OrderedData.copy(data);
        }

        public JointSuccess(boolean reached) {
            this(reached, OrderedData.of("reached", reached));
        }

        @Override
        @JsonIgnore
        public String agent() {
            return null;
        }

        @Override
        @JsonIgnore
        public String type() {
            return "joint-success";
        }
    }
}
