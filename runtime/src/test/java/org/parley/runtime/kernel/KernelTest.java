package org.parley.runtime.kernel;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One actor test kit per test class; runs are hosted inside its system. The kit has the kernel's
 * configuration, and this module's test {@code application.conf} turns on
 * {@code serialize-messages}: every message the kernel sends goes through Jackson, as it would
 * between the nodes of a cluster.
 */
abstract class KernelTest {
    static ActorTestKit kit;

    @BeforeAll
    static void startKit() {
        kit = ActorTestKit.create("kernel-test", KernelConfig.load());
    }

    @AfterAll
    static void stopKit() {
        kit.shutdownTestKit();
    }
}
