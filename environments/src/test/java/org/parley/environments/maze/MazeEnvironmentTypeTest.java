package org.parley.environments.maze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.parley.environments.spi.EnvironmentType;

class MazeEnvironmentTypeTest {

    @Test
    @SuppressWarnings("rawtypes")   // ServiceLoader needs the raw class literal of a generic interface
    void isFoundByTheServiceLoader() {
        var names = ServiceLoader.load(EnvironmentType.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("maze");
    }

    @Test
    void paramsBindFromKebabCaseKeysWithDefaultsForTheRest() throws Exception {
        var mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        var params = mapper.readValue("""
                {"rows": 7, "wall-density": 0.25, "min-solution": 6, "split": "checkerboard", "team": "solo",
                 "turn-cap": 30, "maze-seed": 9}""", MazeParams.class);
        assertThat(params.rows()).isEqualTo(7);
        assertThat(params.cols()).isEqualTo(6);
        assertThat(params.wallDensity()).isEqualTo(0.25);
        assertThat(params.minSolution()).isEqualTo(6);
        assertThat(params.maxSolution()).isEqualTo(9);
        assertThat(params.split()).isEqualTo("checkerboard");
        assertThat(params.solo()).isTrue();
        assertThat(params.turnCap()).isEqualTo(30);
        assertThat(params.mazeSeed()).isEqualTo(9L);
        assertThat(new MazeEnvironmentType().check(params)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.readValue("{\"wall_density\": 0.2}", MazeParams.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void describesItself() {
        var type = new MazeEnvironmentType();
        assertThat(type.roles(MazeParams.defaults())).containsExactly("navigator");
        assertThat(type.parametersType()).isEqualTo(MazeParams.class);
        assertThat(type.summary()).contains("maze");
    }

    @Test
    void aMazeSeedGivesEveryConditionTheSameMazes() {
        var params = MazeParams.defaults().withMazeSeed(5L);
        var a = play(params, "pair-weak/0007", 1);
        var b = play(params, "relay/0007", 2);
        var c = play(params, "relay/0008", 2);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(play(MazeParams.defaults(), "x/0007", 1)).isNotEqualTo(play(MazeParams.defaults(), "y/0007", 2));
    }

    private static String play(MazeParams params, String episodeId, long seed) {
        var env = new MazeEnvironment(params);
        var step = env.start(new org.parley.runtime.environment.EpisodeContext(episodeId, "c", seed,
                java.util.List.of(new org.parley.runtime.environment.EpisodeContext.Participant("a", "navigator", 1, null),
                        new org.parley.runtime.environment.EpisodeContext.Participant("b", "navigator", 2, null)),
                org.parley.runtime.metrics.SimulationMetrics.NONE));
        return String.valueOf(step.events().getFirst().data().get("map"));
    }
}
