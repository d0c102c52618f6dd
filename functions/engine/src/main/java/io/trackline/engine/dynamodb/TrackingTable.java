package io.trackline.engine.dynamodb;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Keys of the single-table design (README "Data model"); the one place that spells them. */
public final class TrackingTable {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1 = "GSI1";
    public static final String GSI3 = "GSI3";
    public static final String SHIPMENT_SK = "SHIPMENT";
    public static final String ORDER_SK = "ORDER";
    public static final String EVENT_PREFIX = "EVENT#";
    private static final String CLAIM_PREFIX = "TENANT#";
    public static final String CASE_PREFIX = "CASE#";
    private static final String TRACK_PREFIX = "TRACK#";
    /** The sort-key prefix of a shipment's GSI1 and GSI2 entries. */
    public static final String SHIPMENT_ENTRY_PREFIX = "SHIP#";
    /** The sweeper's due index is spread over this many partitions so no single key gets hot. */
    public static final int DUE_SHARDS = 4;

    /** Fixed width, millisecond precision, UTC: sort keys order the same as the instants they hold. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private TrackingTable() {
    }

    public static String shipmentPk(String shipmentId) {
        return "SHIP#" + shipmentId;
    }

    public static String shipmentIdOf(String pk) {
        return pk.substring("SHIP#".length());
    }

    public static String trackPk(Carrier carrier, TrackingNumber trackingNumber) {
        return TRACK_PREFIX + carrier.code() + '#' + trackingNumber.value();
    }

    /**
     * The carrier of a {@link #trackPk} (GSI1PK of a shipment item, which stores the package nowhere else): neither a
     * carrier slug nor a tracking number contains {@code #}.
     */
    public static Carrier carrierOf(String trackPk) {
        return new Carrier(trackPk.substring(TRACK_PREFIX.length(), trackPk.lastIndexOf('#')));
    }

    /** The tracking number of a {@link #trackPk}. */
    public static TrackingNumber trackingNumberOf(String trackPk) {
        return new TrackingNumber(trackPk.substring(trackPk.lastIndexOf('#') + 1));
    }

    public static String claimSk(String tenantId) {
        return CLAIM_PREFIX + tenantId;
    }

    /** The tenant of a {@link #claimSk}. */
    public static String tenantOfClaim(String claimSk) {
        return claimSk.substring(CLAIM_PREFIX.length());
    }

    /** A Query for every tenant's claim on one package (registration writes each with its shipment, in one transaction). */
    public static QueryRequest.Builder claims(String table, Carrier carrier, TrackingNumber trackingNumber) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :tenant)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(trackPk(carrier, trackingNumber)),
                        ":tenant", AttributeValue.fromS(CLAIM_PREFIX)));
    }

    public static String orderPk(String tenantId, String orderId) {
        return "ORDER#" + tenantId + '#' + orderId;
    }

    public static String eventSk(Instant occurredAt, String scanKey) {
        return EVENT_PREFIX + sortable(occurredAt) + '#' + scanKey;
    }

    public static String duePk(String shipmentId) {
        return "DUE#" + Math.floorMod(shipmentId.hashCode(), DUE_SHARDS);
    }

    /**
     * A shipment's GSI1 entry needs no sort value of its own (readers take the shipment id from the projected
     * {@code PK}); a short constant keeps the key present and the item small.
     */
    public static String packageEntrySk() {
        return SHIPMENT_ENTRY_PREFIX;
    }

    /**
     * A shipment's GSI2 entry under its order sorts by registration time, which the shipment item stores only here:
     * exact epoch seconds (10 digits before the point until 2286, no trailing zeros, so the strings sort as time).
     */
    public static String orderEntrySk(Instant createdAt) {
        return SHIPMENT_ENTRY_PREFIX + Attributes.epochSeconds(createdAt);
    }

    /** The registration time of a shipment from its {@link #orderEntrySk}. */
    public static Instant createdAtOf(String orderEntrySk) {
        return Attributes.instant(orderEntrySk.substring(SHIPMENT_ENTRY_PREFIX.length()));
    }

    /**
     * GSI3's sort key: the next check in whole epoch seconds, rounded down (never later than the check), fixed width so
     * it sorts as time. Index entries need not be unique: readers take the shipment id from the projected {@code PK}.
     */
    public static String dueSk(Instant nextCheckAt) {
        return String.format("%010d", nextCheckAt.getEpochSecond());
    }

    /** An instant as the shipment item stores it (exact epoch seconds, a number), for writers other than the engine. */
    public static AttributeValue instant(Instant instant) {
        return AttributeValue.fromN(Attributes.epochSeconds(instant));
    }

    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }
}
