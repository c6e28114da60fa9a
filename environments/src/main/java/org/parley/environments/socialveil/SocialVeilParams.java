package org.parley.environments.socialveil;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.parley.environments.barrier.Adaptation;
import org.parley.environments.barrier.BarrierSpec;

/**
 * Parameters of the {@code socialveil} environment ({@code environment.params}).
 *
 * @param situation         index into the 24 base situations; null or −1 picks one from the episode seed
 * @param maxRounds         at most this many rounds (one round = A speaks, then B); default 20
 * @param goodbyeAfterRound a goodbye ends the episode only after this round; default 3
 * @param barrier           the barrier agent A carries; default none
 * @param adaptation        how agent B is prepared: none, repair or reasoning; default none
 */
public record SocialVeilParams(
        Integer situation,
        @JsonProperty("max-rounds") Integer maxRounds,
        @JsonProperty("goodbye-after-round") Integer goodbyeAfterRound,
        BarrierSpec barrier,
        String adaptation) {

    public SocialVeilParams {
        situation = situation == null ? -1 : situation;
        maxRounds = maxRounds == null ? 20 : maxRounds;
        goodbyeAfterRound = goodbyeAfterRound == null ? 3 : goodbyeAfterRound;
        barrier = barrier == null ? BarrierSpec.none() : barrier;
        adaptation = Adaptation.parse(adaptation).key();
    }

    public static SocialVeilParams defaults() {
        return new SocialVeilParams(null, null, null, null, null);
    }

    public SocialVeilParams withBarrier(BarrierSpec spec) {
        return new SocialVeilParams(situation, maxRounds, goodbyeAfterRound, spec, adaptation);
    }

    public SocialVeilParams withAdaptation(Adaptation a) {
        return new SocialVeilParams(situation, maxRounds, goodbyeAfterRound, barrier, a.key());
    }

    public SocialVeilParams withSituation(int index) {
        return new SocialVeilParams(index, maxRounds, goodbyeAfterRound, barrier, adaptation);
    }
}
