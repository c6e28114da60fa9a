package org.parley.runtime.kernel;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One actor test kit per test class; runs are hosted inside its system. */
abstract class KernelTest {
    static ActorTestKit kit;

    @BeforeAll
    static void startKit() {
        kit = ActorTestKit.create();
    }

    @AfterAll
    static void stopKit() {
        kit.shutdownTestKit();
    }
}
