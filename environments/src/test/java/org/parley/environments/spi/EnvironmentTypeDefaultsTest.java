package org.parley.environments.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.environments.dialogue.DialogueType;
import org.parley.environments.dialogue.setting.DialogueParams;
import org.parley.runtime.environment.Environment;
import org.parley.runtime.environment.EpisodeContext;

/** What a new environment type gets without writing it: summary, parameters type, checks. */
class EnvironmentTypeDefaultsTest {

    record Params(int size) {}

    /** The least a type must say: a name, roles, and how to build the environment. */
    static final class Minimal implements EnvironmentType<Params> {
        @Override
        public String name() {
            return "minimal";
        }

        @Override
        public List<String> roles(Params parameters) {
            return List.of("player");
        }

        @Override
        public Environment create(Params parameters, EpisodeContext context) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    /** A base class that leaves P open, fixed by its subclass. */
    abstract static class Base<X> implements EnvironmentType<X> {
        @Override
        public List<String> roles(X parameters) {
            return List.of("player");
        }

        @Override
        public Environment create(X parameters, EpisodeContext context) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    static final class FixedBySubclass extends Base<Map<String, Object>> {
        @Override
        public String name() {
            return "by-subclass";
        }
    }

    /** P is still open in the class the loader sees: it cannot be read. */
    static final class Open<X> extends Base<X> {
        @Override
        public String name() {
            return "open";
        }
    }

    @Test
    void theParametersTypeIsTheTypeArgumentTheClassFixes() {
        assertThat(new Minimal().parametersType()).isEqualTo(Params.class);
        assertThat(new FixedBySubclass().parametersType()).isEqualTo(Map.class);
        assertThat(new DialogueType().parametersType()).isEqualTo(DialogueParams.class);
    }

    @Test
    void aTypeThatLeavesItsParametersOpenSaysHowToFixIt() {
        assertThatThrownBy(() -> new Open<Params>().parametersType())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Open.class.getName())
                .hasMessageContaining("declare parametersType() or implement EnvironmentType<YourParams> directly");
    }

    @Test
    void summaryAndChecksDefaultToNothing() {
        assertThat(new Minimal().summary()).isEmpty();
        assertThat(new Minimal().check(new Params(3))).isEmpty();
        assertThat(new Minimal()).isNotInstanceOf(RuleBasedMinds.class);
        assertThat(new DialogueType()).isInstanceOf(RuleBasedMinds.class);
    }
}
