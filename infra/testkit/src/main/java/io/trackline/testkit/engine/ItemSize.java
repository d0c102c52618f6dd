package io.trackline.testkit.engine;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * DynamoDB's item size, which write units are billed on (per started KB): attribute names plus values, numbers counted
 * generously. Used by the tests that keep the shipment item small and by the bench's write-unit estimate.
 */
public final class ItemSize {
    private ItemSize() {
    }

    public static int of(Map<String, AttributeValue> item) {
        if (item == null) return 0;
        int size = 0;
        for (var e : item.entrySet()) size += utf8(e.getKey()) + of(e.getValue());
        return size;
    }

    private static int of(AttributeValue v) {
        if (v.s() != null) return utf8(v.s());
        if (v.n() != null) return v.n().length() / 2 + 2;
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) return 1;
        if (v.b() != null) return v.b().asByteArray().length;
        if (v.hasSs()) return v.ss().stream().mapToInt(ItemSize::utf8).sum();
        if (v.hasBs()) return v.bs().stream().mapToInt(b -> b.asByteArray().length).sum();
        if (v.hasL()) return 3 + v.l().stream().mapToInt(x -> 1 + of(x)).sum();
        if (v.hasM()) return 3 + v.m().entrySet().stream().mapToInt(x -> 1 + utf8(x.getKey()) + of(x.getValue())).sum();
        return 1;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
