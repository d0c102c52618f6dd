package io.trackline.api.adapter.dynamodb;

import io.trackline.api.application.tracking.NotificationRecord;
import io.trackline.api.application.tracking.PackageRegistration;
import io.trackline.api.application.tracking.Page;
import io.trackline.api.application.tracking.TrackedOrder;
import io.trackline.view.shipment.TrackedShipment;
import io.trackline.api.application.tracking.TrackingQueries;
import io.trackline.engine.dynamodb.NotificationItem;
import io.trackline.engine.dynamodb.OrderItem;
import io.trackline.engine.dynamodb.TrackingClaimItem;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.view.dynamodb.DynamoDbShipmentViews;
import io.trackline.view.dynamodb.ShipmentItems;
import io.trackline.domain.shipment.Registration;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;


/**
 * The read side on the single table. A shipment and its scans come back in one Query on its partition (the view
 * module's {@link DynamoDbShipmentViews}, which the webhook fan-out reads through too). No Scan anywhere.
 */
public final class DynamoDbTrackingQueries implements TrackingQueries {
    private static final int MAX_PACKAGE_REGISTRATIONS = 100;
    private static final int BATCH_GET_LIMIT = 100;
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbShipmentViews shipments;

    public DynamoDbTrackingQueries(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.shipments = new DynamoDbShipmentViews(dynamo, table, false);
    }

    @Override
    public Optional<TrackedShipment> shipment(String shipmentId, int maxEvents) {
        return shipments.shipment(shipmentId, maxEvents);
    }

    /**
     * The package's tracking claims ({@code TRACK#<carrier>#<tn>} / {@code TENANT#<tenantId>}), which registration
     * writes with the shipment in one transaction: read from the table, so a registration is visible at once.
     */
    @Override
    public List<PackageRegistration> registrations(Carrier carrier, TrackingNumber trackingNumber) {
        return dynamo.query(TrackingTable.claims(table, carrier, trackingNumber)
                        .limit(MAX_PACKAGE_REGISTRATIONS).build())
                .items().stream()
                .map(TrackingClaimItem::view)
                .map(claim -> new PackageRegistration(claim.tenantId(), claim.shipmentId(), claim.createdAt()))
                .toList();
    }

    /** One Query on GSI2 names the order's shipments, one BatchGetItem reads them. */
    @Override
    public List<TrackedShipment> shipmentsOfOrder(String tenantId, String orderId) {
        return inIndexOrder(dynamo.query(QueryRequest.builder().tableName(table).indexName(TrackingTable.GSI2)
                .keyConditionExpression("GSI2PK = :pk AND begins_with(GSI2SK, :ship)")
                .expressionAttributeValues(Map.of(":pk", s(TrackingTable.orderPk(tenantId, orderId)),
                        ":ship", s(TrackingTable.SHIPMENT_ENTRY_PREFIX)))
                .limit(Registration.MAX_SHIPMENTS_PER_ORDER).build()).items());
    }

    /** GSI2 carries no shipment state: the shipments its entries name (table key {@code SHIP#<id>}), in its order. */
    private List<TrackedShipment> inIndexOrder(List<Map<String, AttributeValue>> entries) {
        List<String> ids = entries.stream().map(entry -> TrackingTable.shipmentIdOf(entry.get(TrackingTable.PK).s())).toList();
        Map<String, TrackedShipment> shipments = shipmentsById(ids);
        // A shipment TTL removed after the index was read is simply gone.
        return ids.stream().map(shipments::get).filter(Objects::nonNull).toList();
    }

    /** One Query for the page of orders, then one BatchGetItem for the current state of their shipments. */
    @Override
    public Page<TrackedOrder> ordersOfCustomer(String customerId, int limit, Optional<Map<String, String>> after) {
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).indexName(TrackingTable.GSI2)
                .keyConditionExpression("GSI2PK = :pk AND begins_with(GSI2SK, :order)")
                .expressionAttributeValues(Map.of(":pk", s(TrackingTable.customerPk(customerId)), ":order", s(TrackingTable.ORDER_ENTRY_PREFIX)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(after.map(DynamoDbTrackingQueries::startKey).orElse(null))
                .build());
        List<OrderItem.View> stored = response.items().stream().map(OrderItem::view).toList();
        Map<String, TrackedShipment> shipments = shipmentsById(stored.stream()
                .flatMap(order -> order.shipmentIds().stream()).distinct().toList());
        List<TrackedOrder> orders = stored.stream().map(order -> {
            List<TrackedShipment> mine = order.shipmentIds().stream()
                    .map(shipments::get)
                    .filter(s -> s != null && s.isOwnedBy(customerId))
                    .sorted(Comparator.comparing(TrackedShipment::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            return new TrackedOrder(order.tenantId(), order.orderId(), order.customerId(), order.createdAt(), mine);
        }).toList();
        return new Page<>(orders, next(response));
    }

    @Override
    public ShipmentNotifications notifications(String shipmentId, int limit, Optional<Map<String, String>> after) {
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :notif AND :shipment")
                .expressionAttributeValues(Map.of(":pk", s(TrackingTable.shipmentPk(shipmentId)), ":notif", s(TrackingTable.NOTIFICATION_PREFIX),
                        ":shipment", s(TrackingTable.SHIPMENT_SK)))
                .scanIndexForward(false)
                // The first page also carries the shipment item, which proves whose notifications these are.
                .limit(after.isEmpty() ? limit + 1 : limit)
                .exclusiveStartKey(after.map(DynamoDbTrackingQueries::startKey).orElse(null))
                .build());
        Optional<TrackedShipment> shipment = Optional.empty();
        List<NotificationRecord> notifications = new ArrayList<>();
        for (var item : response.items()) {
            String sk = item.get(TrackingTable.SK).s();
            if (TrackingTable.SHIPMENT_SK.equals(sk)) shipment = Optional.of(ShipmentItems.shipment(item, List.of()));
            else if (sk.startsWith(TrackingTable.NOTIFICATION_PREFIX)) notifications.add(notification(item));
        }
        return new ShipmentNotifications(shipment, new Page<>(notifications, next(response)));
    }

    /** Where the next page starts (all our keys are strings), as the plain map a cursor carries; empty on the last page. */
    private static Optional<Map<String, String>> next(QueryResponse response) {
        if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) return Optional.empty();
        var position = new LinkedHashMap<String, String>();
        response.lastEvaluatedKey().forEach((k, v) -> position.put(k, v.s()));
        return Optional.of(position);
    }

    private static Map<String, AttributeValue> startKey(Map<String, String> position) {
        var key = new LinkedHashMap<String, AttributeValue>();
        position.forEach((k, v) -> key.put(k, s(v)));
        return key;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** A notification item, read through the engine's codec ({@link NotificationItem#view}). */
    private static NotificationRecord notification(Map<String, AttributeValue> item) {
        NotificationItem.View n = NotificationItem.view(item);
        return new NotificationRecord(n.id(), n.channel(), n.trigger(), n.state(), n.reason(), n.to(), n.createdAt());
    }

    private Map<String, TrackedShipment> shipmentsById(List<String> ids) {
        var found = new HashMap<String, TrackedShipment>();
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT)).stream()
                    .map(TrackingTable::shipmentKey).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            for (int attempt = 0; !pending.isEmpty() && attempt < 5; attempt++) {
                var response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(ShipmentItems.id(item), ShipmentItems.shipment(item, List.of())));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
            if (!pending.isEmpty()) throw new IllegalStateException("DynamoDB kept throttling the shipment reads");
        }
        return found;
    }
}
