package io.trackline.local.testing;

import java.util.Map;

/**
 * A handler slower than any Timeout a test gives it: FaultsIT packs this class alone into a function jar (no other
 * code, no dependencies) to prove that the local Lambda kills a late invocation.
 */
public class SlowHandler {
    public Map<String, Object> handleRequest(Map<String, Object> event) throws InterruptedException {
        Thread.sleep(30_000);
        return Map.of();
    }
}
