package org.parley.environments.codebase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitmentExtractorTest {

    @Test
    void findsChangeKeepOutAndIncludeCommitments() {
        var found = CommitmentExtractor.extract("ann",
                "I will change function net in pricing.fn for f1. I'll add function rebate_net to pricing.fn. "
                        + "I will not touch tax in pricing.fn. OK, I will include your change for f2 in `boxes` in shipping.fn.", 4);
        assertThat(found).extracting(Commitment::kind, Commitment::target, Commitment::feature).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Commitment.Kind.INCLUDE, "shipping.fn#boxes", "f2"),
                org.assertj.core.groups.Tuple.tuple(Commitment.Kind.KEEP_OUT, "pricing.fn#tax", null),
                org.assertj.core.groups.Tuple.tuple(Commitment.Kind.CHANGE, "pricing.fn#net", null),
                org.assertj.core.groups.Tuple.tuple(Commitment.Kind.CHANGE, "pricing.fn#rebate_net", null));
    }

    @Test
    void questionsAndVagueTalkAreNotCommitments() {
        assertThat(CommitmentExtractor.extract("ann", "Are you changing anything in pricing.fn?", 1)).isEmpty();
        assertThat(CommitmentExtractor.extract("ann", "Maybe someone should change net in pricing.fn.", 1)).isEmpty();
    }
}
