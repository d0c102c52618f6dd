package io.trackline.local.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A handler that keeps taking memory, 1 MB at a time, up to 200 MB, then waits: FaultsIT packs this class alone into a
 * function jar with a MemorySize of 128 to prove that the local Lambda stops an environment that outgrows it.
 */
public class HungryHandler {
    public Map<String, Object> handleRequest(Map<String, Object> event) throws InterruptedException {
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] megabyte = new byte[1 << 20];
            java.util.Arrays.fill(megabyte, (byte) i);
            held.add(megabyte);
            Thread.sleep(5);
        }
        Thread.sleep(10_000);
        return Map.of("held", held.size());
    }
}
