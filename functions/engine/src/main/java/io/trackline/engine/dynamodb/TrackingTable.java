package io.trackline.engine.dynamodb;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Keys of the single-table design (README "Data model"): the one place that spells them, for every function that reads
 * or writes the table.
 */
public final class TrackingTable {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1 = "GSI1";
    public static final String GSI2 = "GSI2";
    public static final String GSI3 = "GSI3";
    public static final String SHIPMENT_SK = "SHIPMENT";
    public static final String ORDER_SK = "ORDER";
    public static final String EVENT_PREFIX = "EVENT#";
    private static final String CLAIM_PREFIX = "TENANT#";
    public static final String CASE_PREFIX = "CASE#";
    private static final String OPEN_CASE_PREFIX = "CASEOPEN#";
    /** The sort-key prefix of a shipment's notification items. */
    public static final String NOTIFICATION_PREFIX = "NOTIF#";
    private static final String TRACK_PREFIX = "TRACK#";
    private static final String SHIP_PREFIX = "SHIP#";
    /** The sort-key prefix of a shipment's GSI1 and GSI2 entries. */
    public static final String SHIPMENT_ENTRY_PREFIX = SHIP_PREFIX;
    private static final String ORDER_PREFIX = "ORDER#";
    /** The GSI2 sort-key prefix of an order's entry under its customer. */
    public static final String ORDER_ENTRY_PREFIX = ORDER_PREFIX;
    private static final String CUSTOMER_PREFIX = "CUSTOMER#";
    private static final String PHONE_PREFIX = "PHONE#";
    private static final String DUE_PREFIX = "DUE#";
    public static final String PREFERENCES_SK = "PREFERENCES";
    private static final String API_KEY_PREFIX = "APIKEY#";
    public static final String API_KEY_SK = "APIKEY";
    private static final String OPT_OUT_PREFIX = "OPTOUT#";
    public static final String OPT_OUT_SK = "OPTOUT";
    private static final String NOTIFY_PREFIX = "NOTIFY#";
    public static final String CLAIM_SK = "CLAIM";
    public static final String ONCE_SK = "ONCE";
    private static final String SMS_COUNT_PREFIX = "SMSCOUNT#";
    private static final String EMAIL_SUBSCRIBE_COUNT_PREFIX = "EMAILSUBSCOUNT#";
    private static final String FAILED_PREFIX = "FAILED#";
    public static final String FAILED_SK = "FAILED";
    private static final String ENDPOINT_PREFIX = "ENDPOINT#";
    private static final String DELIVERY_PREFIX = "DELIVERY#";
    private static final String ATTEMPT_PREFIX = "ATTEMPT#";
    /** The sweeper's due index is spread over this many partitions so no single key gets hot. */
    public static final int DUE_SHARDS = 4;

    /** Fixed width, millisecond precision, UTC: sort keys order the same as the instants they hold. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private TrackingTable() {
    }

    /** A key as a GetItem, UpdateItem or DeleteItem takes it. */
    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    public static String shipmentPk(String shipmentId) {
        return SHIP_PREFIX + shipmentId;
    }

    public static String shipmentIdOf(String pk) {
        return pk.substring(SHIP_PREFIX.length());
    }

    /** The key of a shipment item. */
    public static Map<String, AttributeValue> shipmentKey(String shipmentId) {
        return key(shipmentPk(shipmentId), SHIPMENT_SK);
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
        return ORDER_PREFIX + tenantId + '#' + orderId;
    }

    /** The key of an order item. */
    public static Map<String, AttributeValue> orderKey(String tenantId, String orderId) {
        return key(orderPk(tenantId, orderId), ORDER_SK);
    }

    /** An order's GSI2 entry under its customer sorts by the order's creation time. */
    public static String orderEntrySk(String createdAt, String tenantId, String orderId) {
        return ORDER_PREFIX + createdAt + '#' + tenantId + '#' + orderId;
    }

    /** A customer's partition: GSI2's orders, preferences, SMS counters. */
    public static String customerPk(String customerId) {
        return CUSTOMER_PREFIX + customerId;
    }

    /** Whether a {@code PK} is a {@link #customerPk}. */
    public static boolean isCustomerPk(String pk) {
        return pk.startsWith(CUSTOMER_PREFIX);
    }

    public static String customerIdOf(String customerPk) {
        return customerPk.substring(CUSTOMER_PREFIX.length());
    }

    /** A phone number's partition: the SMS counters of a shipment without a customer. */
    public static String phonePk(String e164) {
        return PHONE_PREFIX + e164;
    }

    /** A customer's notification preferences. */
    public static Map<String, AttributeValue> preferencesKey(String customerId) {
        return key(customerPk(customerId), PREFERENCES_SK);
    }

    /** An API key, by the SHA-256 of the key. */
    public static Map<String, AttributeValue> apiKeyKey(String keyHash) {
        return key(API_KEY_PREFIX + keyHash, API_KEY_SK);
    }

    public static String caseSk(String caseId) {
        return CASE_PREFIX + caseId;
    }

    /** A case item under its shipment. */
    public static Map<String, AttributeValue> caseKey(String shipmentId, String caseId) {
        return key(shipmentPk(shipmentId), caseSk(caseId));
    }

    /** Guard of "one open case per type per shipment"; support deletes it when it closes the case. */
    public static Map<String, AttributeValue> openCaseKey(String shipmentId, String type) {
        return key(shipmentPk(shipmentId), OPEN_CASE_PREFIX + type);
    }

    /** A notification item under its shipment, sorted by creation time. */
    public static String notificationSk(String createdAt, String notificationId) {
        return NOTIFICATION_PREFIX + createdAt + '#' + notificationId;
    }

    /** The exactly-once claim of one event's alert on one channel. */
    public static Map<String, AttributeValue> notificationClaimKey(String eventId, String channel) {
        return key(NOTIFY_PREFIX + eventId + '#' + channel, CLAIM_SK);
    }

    /** The first send of an alert once-key for a shipment on one channel. */
    public static Map<String, AttributeValue> alertOnceKey(String shipmentId, String onceKey, String channel) {
        return key(NOTIFY_PREFIX + shipmentId + '#' + onceKey + '#' + channel, ONCE_SK);
    }

    /** A day's SMS counter in a shipment's, customer's or phone number's partition. */
    public static String smsCountSk(LocalDate day) {
        return SMS_COUNT_PREFIX + day;
    }

    /** A UTC day's count of email subscriptions a customer asked for (each one mails a confirmation request). */
    public static Map<String, AttributeValue> emailSubscribeCountKey(String customerId, LocalDate day) {
        return key(customerPk(customerId), EMAIL_SUBSCRIBE_COUNT_PREFIX + day);
    }

    /** An SMS opt-out of a phone number. */
    public static Map<String, AttributeValue> optOutKey(String e164) {
        return key(optOutPk(e164), OPT_OUT_SK);
    }

    public static String optOutPk(String e164) {
        return OPT_OUT_PREFIX + e164;
    }

    /** The phone number of an {@link #optOutPk}. */
    public static String phoneOfOptOut(String optOutPk) {
        return optOutPk.substring(OPT_OUT_PREFIX.length());
    }

    /** Why a queue message failed. */
    public static Map<String, AttributeValue> failedMessageKey(String messageId) {
        return key(FAILED_PREFIX + messageId, FAILED_SK);
    }

    /** A tenant's partition of webhook endpoints. */
    public static String tenantPk(String tenantId) {
        return CLAIM_PREFIX + tenantId;
    }

    /** A webhook endpoint, under its tenant. */
    public static Map<String, AttributeValue> webhookEndpointKey(String tenantId, String endpointId) {
        return key(tenantPk(tenantId), ENDPOINT_PREFIX + endpointId);
    }

    /** A Query of a tenant's webhook endpoints, in id order. */
    public static QueryRequest.Builder webhookEndpoints(String table, String tenantId) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(tenantPk(tenantId)),
                        ":prefix", AttributeValue.fromS(ENDPOINT_PREFIX)));
    }

    /** An endpoint's partition: the events sent to it ({@link #deliverySk}) and every attempt ({@link #attemptSk}). */
    public static String endpointPk(String endpointId) {
        return ENDPOINT_PREFIX + endpointId;
    }

    /** An event kept for an endpoint's replays, sorted by the event's creation. */
    public static String deliverySk(Instant createdAt, String eventId) {
        return DELIVERY_PREFIX + sortable(createdAt) + '#' + eventId;
    }

    /** The lower bound of the deliveries created at or after {@code at}, and the exclusive upper bound of those before it. */
    public static String deliveryBound(Instant at) {
        return DELIVERY_PREFIX + sortable(at);
    }

    public static String deliveryPrefix() {
        return DELIVERY_PREFIX;
    }

    /** One attempt to deliver an event to an endpoint, sorted by when it was made. */
    public static String attemptSk(Instant at, String eventId, int attempt) {
        return ATTEMPT_PREFIX + sortable(at) + '#' + eventId + '#' + attempt;
    }

    public static String attemptPrefix() {
        return ATTEMPT_PREFIX;
    }

    public static String eventSk(Instant occurredAt, String scanKey) {
        return EVENT_PREFIX + sortable(occurredAt) + '#' + scanKey;
    }

    public static String duePk(String shipmentId) {
        return duePk(Math.floorMod(shipmentId.hashCode(), DUE_SHARDS));
    }

    /** One of the {@link #DUE_SHARDS} partitions of GSI3. */
    public static String duePk(int shard) {
        return DUE_PREFIX + shard;
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
