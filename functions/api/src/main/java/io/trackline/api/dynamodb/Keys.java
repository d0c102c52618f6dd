package io.trackline.api.dynamodb;

import io.trackline.api.issues.IssueType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** The table's keys (README "Data model"), in one place. */
public final class Keys {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String SHIPMENT = "SHIPMENT";
    public static final String ORDER = "ORDER";
    public static final String EVENT_PREFIX = "EVENT#";
    public static final String NOTIF_PREFIX = "NOTIF#";
    public static final String GSI2 = "GSI2";

    private Keys() {
    }

    public static String ship(String shipmentId) {
        return "SHIP#" + shipmentId;
    }

    public static String order(String tenantId, String orderId) {
        return "ORDER#" + tenantId + "#" + orderId;
    }

    public static String customer(String customerId) {
        return "CUSTOMER#" + customerId;
    }

    public static Map<String, AttributeValue> shipment(String shipmentId) {
        return key(ship(shipmentId), SHIPMENT);
    }

    public static Map<String, AttributeValue> orderItem(String tenantId, String orderId) {
        return key(order(tenantId, orderId), ORDER);
    }

    public static Map<String, AttributeValue> preferences(String customerId) {
        return key(customer(customerId), "PREFERENCES");
    }

    public static Map<String, AttributeValue> apiKey(String keyHash) {
        return key("APIKEY#" + keyHash, "APIKEY");
    }

    public static Map<String, AttributeValue> caseItem(String shipmentId, String caseId) {
        return key(ship(shipmentId), "CASE#" + caseId);
    }

    /** Guard of "one open case per type per shipment"; support deletes it when it closes the case. */
    public static Map<String, AttributeValue> openCase(String shipmentId, IssueType type) {
        return key(ship(shipmentId), "CASEOPEN#" + type.name());
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
