package org.parley.environments.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.environments.codebase.lang.FnProgram;
import org.parley.environments.codebase.task.Codebase;
import org.parley.environments.codebase.task.CodingTask;
import org.parley.environments.codebase.task.OverlapMix;
import org.parley.environments.codebase.task.TaskGenerator;

class TaskGeneratorTest {
    private final TaskGenerator generator = new TaskGenerator(
            Codebase.BUNDLED.stream().map(Codebase::bundled).toList(), OverlapMix.DEFAULT);

    @Test
    void sameSeedGivesTheSameTask() {
        assertThat(generator.generate(7, 3)).isEqualTo(generator.generate(7, 3));
    }

    @Test
    void goldChangesTogetherPassEveryHiddenTestAndTheBaseFailsEachFeature() {
        for (int k = 1; k <= 4; k++) {
            for (long seed = 0; seed < 40; seed++) {
                CodingTask task = generator.generate(seed, k);
                assertThat(task.features()).hasSize(k);
                var gold = new java.util.TreeMap<>(task.base());
                for (var f : task.features()) gold = f.change().applyTo(gold);
                var goldProgram = FnProgram.parse(gold);
                var baseProgram = FnProgram.parse(task.base());
                for (var f : task.features()) {
                    assertThat(f.hiddenTests()).allMatch(t -> t.run(goldProgram).passed());
                    assertThat(f.hiddenTests()).anyMatch(t -> !t.run(baseProgram).passed());
                    assertThat(task.base()).containsKey(f.testPath());
                }
            }
        }
    }

    @Test
    void overlapsOfEveryKindOccur() {
        var counts = new EnumMap<CodingTask.Overlap, Integer>(CodingTask.Overlap.class);
        for (long seed = 0; seed < 200; seed++) {
            generator.generate(seed, 2).overlaps().values().forEach(o -> counts.merge(o, 1, Integer::sum));
        }
        assertThat(counts.keySet()).containsAll(List.of(CodingTask.Overlap.values()));
        assertThat(counts.values()).allMatch(c -> c >= 30);
    }
}
