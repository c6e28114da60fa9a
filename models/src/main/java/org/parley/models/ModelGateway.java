package org.parley.models;

import java.util.concurrent.CompletableFuture;

/**
 * What minds and judges talk to: one named model behind limits, retries and a cache. The returned
 * stage completes on a gateway thread, never on the caller's, so a Pekko dispatcher is never blocked.
 */
public interface ModelGateway {

    /** The model's name in the scenario (not the provider's model id). */
    String name();

    /** Sends one call; completes with the reply or with a {@link GatewayException}. */
    CompletableFuture<ModelReply> chat(ModelCall call);
}
