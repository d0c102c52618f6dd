package io.trackline.aws.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Small builders and readers for DynamoDB attribute maps that skip absent values instead of storing nulls. */
final class Attributes {
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    static Attributes item() {
        return new Attributes();
    }

    Attributes s(String name, Object value) {
        if (value != null) values.put(name, AttributeValue.fromS(value.toString()));
        return this;
    }

    Attributes n(String name, Number value) {
        if (value != null) values.put(name, AttributeValue.fromN(value.toString()));
        return this;
    }

    Attributes bool(String name, boolean value) {
        values.put(name, AttributeValue.fromBool(value));
        return this;
    }

    /** A flag that is absent when false. */
    Attributes flag(String name, boolean value) {
        if (value) values.put(name, AttributeValue.fromBool(true));
        return this;
    }

    Attributes map(String name, Attributes nested) {
        if (!nested.values.isEmpty()) values.put(name, AttributeValue.fromM(nested.build()));
        return this;
    }

    Attributes put(String name, AttributeValue value) {
        if (value != null) values.put(name, value);
        return this;
    }

    Map<String, AttributeValue> build() {
        return Map.copyOf(values);
    }

    static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    static String stringOrNull(Map<String, AttributeValue> item, String name) {
        return string(item, name).orElse(null);
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    static Map<String, AttributeValue> nested(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? Map.of() : value.m();
    }
}
