package org.parley.environments.maze;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConventionTest {

    @Test
    void everyConventionReadsBackWhatItWrote() {
        for (var c : Convention.all()) {
            for (int r = 0; r < 6; r++) {
                for (int col = 0; col < 5; col++) {
                    var cell = new Cell(r, col);
                    var nums = c.encode(cell, 6);
                    assertThat(c.decode(nums[0], nums[1], 6)).as(c.label()).isEqualTo(cell);
                }
            }
            assertThat(Convention.parse(c.label())).contains(c);
        }
        assertThat(Convention.all()).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void readingAReportInTheWrongConventionMisplacesTheCell() {
        var speaker = Convention.parse("x-y/bottom-left/1").orElseThrow();
        var listener = Convention.MATRIX;
        var wall = new Cell(1, 4);
        var said = speaker.encode(wall, 6);
        assertThat(said).containsExactly(5, 5);   // x = col + 1, y counted up from the bottom row
        assertThat(listener.decode(said[0], said[1], 6)).isEqualTo(new Cell(5, 5)).isNotEqualTo(wall);
    }

    @Test
    void describesItselfInWords() {
        assertThat(Convention.MATRIX.describe()).isEqualTo("(row, column) counting from 0 at the top-left corner");
        assertThat(Convention.parse("x-y/bottom-left/1").orElseThrow().describe())
                .isEqualTo("(x, y) with x across and y up, counting from 1 at the bottom-left corner");
        assertThat(Convention.parse("nonsense")).isEmpty();
    }
}
