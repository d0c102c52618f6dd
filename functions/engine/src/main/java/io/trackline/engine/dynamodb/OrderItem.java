package io.trackline.engine.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.trackline.engine.dynamodb.Attributes.stringOrNull;

/**
 * An order, {@code ORDER#<tenantId>#<orderId>} / {@code ORDER}, indexed under its customer in GSI2: its shipments'
 * ids, written with each shipment's registration ({@link DynamoDbShipments}) and read by the API's order list.
 */
public final class OrderItem {
    private static final String CUSTOMER_ID = "customerId";
    private static final String SHIPMENT_IDS = "shipmentIds";

    private OrderItem() {
    }

    /** The stored values; {@code createdAt} is null when absent, {@code shipmentIds} empty. */
    public record View(String tenantId, String orderId, String customerId, Instant createdAt, List<String> shipmentIds) {
    }

    public static View view(Map<String, AttributeValue> item) {
        String createdAt = stringOrNull(item, "createdAt");
        return new View(stringOrNull(item, "tenantId"), stringOrNull(item, "orderId"), stringOrNull(item, CUSTOMER_ID),
                createdAt == null ? null : Instant.parse(createdAt), shipmentIds(item.get(SHIPMENT_IDS)));
    }

    private static List<String> shipmentIds(AttributeValue value) {
        if (value == null) return List.of();
        if (value.hasSs()) return value.ss();
        if (value.hasL()) return value.l().stream().map(AttributeValue::s).toList();
        return List.of();
    }
}
