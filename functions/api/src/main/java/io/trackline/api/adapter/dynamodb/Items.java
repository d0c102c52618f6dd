package io.trackline.api.adapter.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attribute values from plain values and JSON trees, so records map onto nested item attributes (maps and lists)
 * through Jackson (the view module's {@code ShipmentItems} reads them back).
 */
public final class Items {
    private Items() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    public static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null) return List.of();
        if (v.hasSs()) return v.ss();
        if (v.hasL()) return v.l().stream().map(AttributeValue::s).toList();
        return List.of();
    }

    /** A record or map as a nested attribute; null fields are left out. */
    public static AttributeValue of(Object value) {
        return fromJson(Json.mapper().valueToTree(value));
    }

    public static AttributeValue fromJson(JsonNode node) {
        if (node == null || node.isNull()) return AttributeValue.fromNul(true);
        if (node.isObject()) {
            var map = new LinkedHashMap<String, AttributeValue>();
            node.properties().forEach(e -> {
                if (!e.getValue().isNull()) map.put(e.getKey(), fromJson(e.getValue()));
            });
            return AttributeValue.fromM(map);
        }
        if (node.isArray()) {
            return AttributeValue.fromL(java.util.stream.StreamSupport.stream(node.spliterator(), false).map(Items::fromJson).toList());
        }
        if (node.isBoolean()) return AttributeValue.fromBool(node.booleanValue());
        if (node.isNumber()) return AttributeValue.fromN(node.asText());
        return AttributeValue.fromS(node.asText());
    }

    /** A LastEvaluatedKey (all our keys are strings) as a plain map, and back. */
    public static Map<String, String> position(Map<String, AttributeValue> lastEvaluatedKey) {
        var map = new LinkedHashMap<String, String>();
        lastEvaluatedKey.forEach((k, v) -> map.put(k, v.s()));
        return map;
    }

    public static Map<String, AttributeValue> startKey(Map<String, String> position) {
        var map = new LinkedHashMap<String, AttributeValue>();
        position.forEach((k, v) -> map.put(k, s(v)));
        return map;
    }
}
