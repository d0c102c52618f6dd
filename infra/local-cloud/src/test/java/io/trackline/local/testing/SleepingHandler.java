package io.trackline.local.testing;

import java.util.Map;

/** A handler that sleeps as long as its event's {@code sleepMillis} says: ColdStartsTest packs it alone into a function. */
public class SleepingHandler {
    public Map<String, Object> handleRequest(Map<String, Object> event) throws InterruptedException {
        Thread.sleep(((Number) event.get("sleepMillis")).longValue());
        return Map.of();
    }
}
