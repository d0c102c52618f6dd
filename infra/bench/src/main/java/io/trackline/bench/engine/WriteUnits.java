package io.trackline.bench.engine;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates the write request units DynamoDB on-demand would bill for the recorded requests (moto bills nothing):
 * 1 unit per started KB of the item written (updates: of the item after the update, here its final size, an upper
 * bound), twice that inside a transaction, plus the writes to each GSI the item is projected into (GSI1 and GSI2 project
 * the whole shipment; a changed GSI3 key is a delete and a put).
 */
final class WriteUnits {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<Map<String, AttributeValue>, Integer> finalSizes = new HashMap<>();
    private final Map<Map<String, AttributeValue>, Integer> putSizes = new HashMap<>();

    WriteUnits(DynamoDbClient uncounted, String table) {
        this.dynamo = uncounted;
        this.table = table;
    }

    /** @return estimated write units of all recorded requests */
    double total(List<SdkRequest> requests) {
        double units = 0;
        for (SdkRequest request : requests) {
            if (request instanceof PutItemRequest put) {
                units += put(put.item(), 1);
            } else if (request instanceof UpdateItemRequest update) {
                units += update(update.key(), 1);
            } else if (request instanceof DeleteItemRequest delete) {
                units += 2 * kb(putSizes.getOrDefault(delete.key(), 1)); // the item and its GSI1 entry
            } else if (request instanceof TransactWriteItemsRequest transaction) {
                for (TransactWriteItem item : transaction.transactItems()) {
                    if (item.put() != null) units += put(item.put().item(), 2);
                    if (item.update() != null) units += update(item.update().key(), 2);
                }
            }
        }
        return units;
    }

    private double put(Map<String, AttributeValue> item, int factor) {
        int size = size(item);
        putSizes.put(Map.of("PK", item.get("PK"), "SK", item.get("SK")), size);
        boolean shipment = "SHIPMENT".equals(item.get("SK").s());
        if (shipment) return factor * kb(size) + 2 * kb(size) + (item.containsKey("GSI3PK") ? 1 : 0);
        return factor * kb(size) + (item.containsKey("GSI1PK") ? kb(size) : 0); // outbox items are visible in GSI1
    }

    private double update(Map<String, AttributeValue> key, int factor) {
        int size = finalSizes.computeIfAbsent(key, k -> size(dynamo.getItem(b -> b.tableName(table).key(k)).item()));
        if (!"SHIPMENT".equals(key.get("SK").s())) return factor * kb(size);
        // Every state save changes attributes GSI1 and GSI2 project, and moves (or drops) GSI3's key: delete + put.
        return factor * kb(size) + 2 * kb(size) + 2;
    }

    private static int kb(int bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    /** DynamoDB's item size: attribute names plus values (numbers counted generously). */
    static int size(Map<String, AttributeValue> item) {
        if (item == null) return 0;
        int size = 0;
        for (var e : item.entrySet()) size += utf8(e.getKey()) + size(e.getValue());
        return size;
    }

    private static int size(AttributeValue v) {
        if (v.s() != null) return utf8(v.s());
        if (v.n() != null) return v.n().length() / 2 + 2;
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) return 1;
        if (v.b() != null) return v.b().asByteArray().length;
        if (v.hasSs()) return v.ss().stream().mapToInt(WriteUnits::utf8).sum();
        if (v.hasBs()) return v.bs().stream().mapToInt(b -> b.asByteArray().length).sum();
        if (v.hasL()) return 3 + v.l().stream().mapToInt(x -> 1 + size(x)).sum();
        if (v.hasM()) return 3 + v.m().entrySet().stream().mapToInt(x -> 1 + utf8(x.getKey()) + size(x.getValue())).sum();
        return 1;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
