package io.trackline.view.dynamodb;

import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.view.shipment.TrackedShipment;
import io.trackline.view.shipment.TrackingEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shipment with its newest scans, in one Query on its partition: sort keys {@code EVENT#…} < {@code NOTIF#…} <
 * {@code SHIPMENT}, read newest first, so the shipment item leads and notifications are filtered out. The API's
 * {@code GET /v1/shipments/{id}} and the webhook fan-out read a shipment through it, so both show the same.
 */
public final class DynamoDbShipmentViews {
    private final DynamoDbClient dynamo;
    private final String table;
    private final boolean consistent;

    /**
     * @param consistent a strongly consistent read: what a reader that must see a write it was told about needs (the
     *                   fan-out, which renders the state an event announced); twice the read cost
     */
    public DynamoDbShipmentViews(DynamoDbClient dynamo, String table, boolean consistent) {
        this.dynamo = dynamo;
        this.table = table;
        this.consistent = consistent;
    }

    /** The shipment with at most {@code maxEvents} of its scans, newest first. */
    public Optional<TrackedShipment> shipment(String shipmentId, int maxEvents) {
        var request = QueryRequest.builder().tableName(table).consistentRead(consistent)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :first AND :shipment")
                .scanIndexForward(false);
        var values = new HashMap<String, AttributeValue>(Map.of(":pk", AttributeValue.fromS(TrackingTable.shipmentPk(shipmentId)),
                ":first", AttributeValue.fromS(TrackingTable.EVENT_PREFIX), ":shipment", AttributeValue.fromS(TrackingTable.SHIPMENT_SK)));
        if (maxEvents == 0) {
            request.limit(1);
        } else {
            request.filterExpression("SK = :shipment OR begins_with(SK, :event)");
            values.put(":event", AttributeValue.fromS(TrackingTable.EVENT_PREFIX));
        }
        request.expressionAttributeValues(values);
        Map<String, AttributeValue> shipment = null;
        List<TrackingEvent> events = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(request.exclusiveStartKey(start).build());
            for (var item : page.items()) {
                AttributeValue sk = item.get(TrackingTable.SK);
                if (sk != null && TrackingTable.SHIPMENT_SK.equals(sk.s())) shipment = item;
                else if (shipment == null) return Optional.empty();
                else if (events.size() < maxEvents) events.add(ShipmentItems.event(item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && maxEvents > 0 && events.size() < maxEvents);
        if (shipment == null) return Optional.empty();
        // Sort keys order scans by UTC time already; sorting again keeps the contract when two share an instant.
        events.sort(Comparator.comparing((TrackingEvent e) -> e.occurredAt().toInstant()).reversed());
        return Optional.of(ShipmentItems.shipment(shipment, events));
    }
}
