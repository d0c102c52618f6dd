package io.trackline.api.adapter.dynamodb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attribute values to and from plain values and JSON trees, so records map onto nested item attributes (maps and
 * lists) through Jackson. Reading ignores attributes a record does not know: other functions may add some.
 */
public final class Items {
    private static final ObjectReader LENIENT = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

    /** A nested attribute read into {@code type}, empty when absent or null. */
    public static <T> Optional<T> read(Map<String, AttributeValue> item, String name, Class<T> type) {
        AttributeValue v = item.get(name);
        if (v == null || Boolean.TRUE.equals(v.nul())) return Optional.empty();
        try {
            return Optional.ofNullable(LENIENT.treeToValue(toJson(v), type));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("attribute " + name + " is not a " + type.getSimpleName(), e);
        }
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

    public static JsonNode toJson(AttributeValue v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v.s() != null) return f.textNode(v.s());
        if (v.n() != null) return f.numberNode(new java.math.BigDecimal(v.n()));
        if (v.bool() != null) return f.booleanNode(v.bool());
        if (v.hasM()) {
            ObjectNode o = f.objectNode();
            v.m().forEach((k, x) -> o.set(k, toJson(x)));
            return o;
        }
        if (v.hasL()) {
            ArrayNode a = f.arrayNode();
            v.l().forEach(x -> a.add(toJson(x)));
            return a;
        }
        if (v.hasSs()) {
            ArrayNode a = f.arrayNode();
            v.ss().forEach(a::add);
            return a;
        }
        SdkBytes b = v.b();
        return b != null ? f.binaryNode(b.asByteArray()) : f.nullNode();
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
