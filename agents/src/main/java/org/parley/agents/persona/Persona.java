package org.parley.agents.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.runtime.environment.EpisodeContext;

/**
 * Who a simulated person is: the profile Sotopia-style settings give each agent, plus typed
 * extensions for settings that need more (a CBT cognitive model, a coder's habits, grounding skill).
 *
 * @param name        display name
 * @param age         age in years, or null
 * @param gender      free text, or null
 * @param occupation  free text, or null
 * @param publicInfo  what anyone may know about them
 * @param bigFive     Big Five traits on 0..1, or null
 * @param mbti        four-letter type, or null
 * @param values      what they care about
 * @param goals       standing goals (an episode's private goal is given by the scenario)
 * @param secrets     what they will not reveal willingly
 * @param extensions  setting-specific attributes (numbers, strings, lists, maps), insertion-ordered
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Persona(
        String name,
        Integer age,
        String gender,
        String occupation,
        @JsonProperty("public-info") String publicInfo,
        @JsonProperty("big-five") BigFive bigFive,
        String mbti,
        List<String> values,
        List<String> goals,
        List<String> secrets,
        Map<String, Object> extensions) {

    public Persona {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a persona needs a name");
        }
        if (mbti != null && !mbti.matches("[EI][SN][TF][JP]")) {
            throw new IllegalArgumentException("mbti must be a four-letter type such as INTJ, was " + mbti);
        }
        values = values == null ? List.of() : List.copyOf(values);
        goals = goals == null ? List.of() : List.copyOf(goals);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        bigFive = bigFive == null ? BigFive.NEUTRAL : bigFive;
    }

    public static Persona named(String name) {
        return new Persona(name, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The persona of an episode's participant: its profile, which Parley's scenarios fill with the
     * agent's persona, or a persona named after its id when it has none.
     *
     * @throws IllegalArgumentException when the profile is something other than a persona (an
     *                                  embedder's own type), which an environment written for
     *                                  personas cannot read
     */
    public static Persona of(EpisodeContext.Participant participant) {
        return switch (participant.profile()) {
            case null -> named(participant.id());
            case Persona persona -> persona;
            default -> throw new IllegalArgumentException("agent '" + participant.id() + "' is described by a "
                    + participant.profile().getClass().getSimpleName() + ", not a Persona; give it a persona as its profile");
        };
    }

    /** A numeric extension, or the fallback when it is absent. */
    public double number(String key, double fallback) {
        return extensions.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    /** A text extension, or the fallback when it is absent. */
    public String text(String key, String fallback) {
        return extensions.get(key) instanceof String s ? s : fallback;
    }
}
