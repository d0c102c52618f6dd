package io.trackline.engine.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A capped daily counter ({@code SMSCOUNT#<day>} under a shipment, customer or phone; {@code EMAILSUBSCOUNT#<day>}
 * under a customer): {@code count} and its {@code expiresAt}. An update counts one only while the count is below the
 * cap, so a refused update is a reached cap; its expression is {@link #INCREMENT} under {@link #BELOW_CAP}. A counter
 * expires {@link #RETENTION} after its last count, long after its day.
 */
public final class CounterItem {
    static final Duration RETENTION = Duration.ofDays(3);
    public static final String INCREMENT = "ADD #count :one SET expiresAt = :expiresAt";
    public static final String BELOW_CAP = "attribute_not_exists(#count) OR #count < :cap";
    public static final Map<String, String> NAMES = Map.of("#count", "count");

    private CounterItem() {
    }

    /** The values of {@link #INCREMENT} and {@link #BELOW_CAP} for a count made at {@code now}. */
    public static Map<String, AttributeValue> values(int cap, Instant now) {
        return Map.of(":one", AttributeValue.fromN("1"), ":cap", AttributeValue.fromN(Integer.toString(cap)),
                ":expiresAt", AttributeValue.fromN(Long.toString(now.plus(RETENTION).getEpochSecond())));
    }
}
