package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The harness reads and writes a keystroke's messages before it times one, once a JVM. */
class ClientWarmupTest {
    @Test
    void readsEachListAndHoverBackWholeOnce() {
        assertEquals(2 * ClientWarmup.ROUNDS, ClientWarmup.run(), "each list of fifty and each hover read back");
        assertEquals(0, ClientWarmup.run(), "once a JVM");
    }
}
