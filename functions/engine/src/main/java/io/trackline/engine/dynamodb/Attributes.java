package io.trackline.engine.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
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

    /**
     * An instant as exact epoch seconds ({@code 1772791200}, {@code 1772791200.25}): 7 bytes for a whole second where
     * the ISO string takes 20 or more.
     */
    Attributes epoch(String name, Instant value) {
        if (value != null) values.put(name, AttributeValue.fromN(epochSeconds(value)));
        return this;
    }

    static String epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros().toPlainString();
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

    Attributes putAll(Map<String, AttributeValue> attributes) {
        values.putAll(attributes);
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

    /** An instant stored by {@link #epoch}, or as an ISO-8601 string (the former layout), or null. */
    static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) return null;
        if (value.s() != null) return instant(value.s());
        return value.n() == null ? null : instant(value.n());
    }

    /** Epoch seconds as {@link #epochSeconds} writes them, or an ISO-8601 instant. */
    static Instant instant(String value) {
        if (value.indexOf('T') >= 0) return Instant.parse(value);
        BigDecimal seconds = new BigDecimal(value);
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).intValueExact());
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
