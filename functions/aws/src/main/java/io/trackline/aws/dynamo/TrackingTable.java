package io.trackline.aws.dynamo;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Keys of the single-table design (README "Data model"); the one place that spells them. */
public final class TrackingTable {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1 = "GSI1";
    public static final String GSI3 = "GSI3";
    public static final String SHIPMENT_SK = "SHIPMENT";
    public static final String ORDER_SK = "ORDER";
    public static final String EVENT_PREFIX = "EVENT#";
    public static final String CASE_PREFIX = "CASE#";
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
        return "TRACK#" + carrier.code() + '#' + trackingNumber.value();
    }

    public static String claimSk(String tenantId) {
        return "TENANT#" + tenantId;
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

    public static String dueSk(Instant nextCheckAt, String shipmentId) {
        return sortable(nextCheckAt) + '#' + shipmentId;
    }

    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }
}
