package io.trackline.local.runtime;

import java.util.concurrent.Semaphore;

/**
 * Whether execution environments start at the same time or one at a time. On Lambda each environment runs in a
 * microVM of its own, so a cold start never shares its CPU with another; here every function's JVM shares this
 * machine's cores, and JVMs starting together slow each other down. {@code make run} and the tests start them as
 * invocations come ({@link #TOGETHER}); the Lambda bench starts them {@link #ONE_AT_A_TIME}, as it starts its
 * anchors, so that a function's Init Duration and first Duration are what one environment alone takes.
 */
public enum ColdStarts {
    TOGETHER(Integer.MAX_VALUE),
    /** A cold start (init and first invocation) waits until no other is under way. */
    ONE_AT_A_TIME(1);

    private final int atOnce;

    ColdStarts(int atOnce) {
        this.atOnce = atOnce;
    }

    /** The slot that every environment of one local Lambda takes for its cold start. */
    Semaphore slot() {
        return new Semaphore(atOnce, true);
    }
}
