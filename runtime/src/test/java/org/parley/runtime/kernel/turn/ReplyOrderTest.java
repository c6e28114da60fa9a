package org.parley.runtime.kernel.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyOrderTest {

    @Test
    void synchronousAnswersAreReleasedInRequestOrder() {
        var order = new ReplyOrder<String>();
        order.requested(1);
        order.requested(2);
        order.requested(3);
        assertThat(order.answered(3, "third")).isEmpty();
        assertThat(order.answered(2, "second")).isEmpty();
        assertThat(order.answered(1, "first")).containsExactly("first", "second", "third");
        assertThat(order.isEmpty()).isTrue();
    }

    @Test
    void aDeferredRequestNoLongerHoldsUpLaterOnes() {
        var order = new ReplyOrder<String>();
        order.requested(1);
        order.requested(2);
        assertThat(order.answered(2, "fast")).isEmpty();
        assertThat(order.deferred(1)).containsExactly("fast");
        assertThat(order.answered(1, "slow")).as("applied on arrival").containsExactly("slow");
    }

    @Test
    void aCancelledRequestIsForgotten() {
        var order = new ReplyOrder<String>();
        order.requested(1);
        order.requested(2);
        order.answered(2, "kept");
        assertThat(order.cancelled(1)).containsExactly("kept");
    }
}
