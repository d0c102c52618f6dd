package io.trackline.api.dynamodb;

import io.trackline.api.auth.RandomIds;
import io.trackline.api.registration.RegisterShipment;
import io.trackline.api.registration.ShipmentRegistration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackline.api.dynamodb.Items.s;
import static io.trackline.api.dynamodb.Items.str;

/**
 * Registration on the single table, in one transaction: a guard item {@code UNIQUE#<tenant>#<carrier>#<number>} (so two
 * concurrent registrations of a package cannot both create), the shipment item, and the order item (created on first
 * sight, its {@code shipmentIds} set extended; an order keeps its one customer).
 */
public final class DynamoDbShipmentRegistration implements ShipmentRegistration {
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbShipmentRegistration(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Registered register(RegisterShipment command) {
        var guard = Keys.uniquePackage(command.tenantId(), command.carrier(), command.trackingNumber());
        for (int attempt = 0; attempt < 3; attempt++) {
            var claimed = dynamo.getItem(GetItemRequest.builder().tableName(table).key(guard).consistentRead(true).build());
            Optional<String> claimedBy = claimed.hasItem() ? Optional.ofNullable(str(claimed.item(), "shipmentId")) : Optional.empty();
            Optional<Registered> existing = claimedBy.flatMap(this::existing);
            if (existing.isPresent()) return existing.get();
            String id = RandomIds.next("shp_");
            Instant now = clock.instant();
            var shipment = ShipmentItems.newShipment(id, command, now);
            try {
                dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                        guardPut(guardItem(guard, id), claimedBy),
                        put(shipment),
                        TransactWriteItem.builder().update(orderUpdate(command, id, now)).build()).build());
                return new Registered(ShipmentItems.shipment(shipment, List.of()), true);
            } catch (TransactionCanceledException e) {
                var reasons = e.cancellationReasons();
                if (reasons.size() > 2 && CONDITIONAL_CHECK_FAILED.equals(reasons.get(2).code())) throw new OrderOfAnotherCustomer();
                if (reasons.isEmpty() || !CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) throw e;
                // Another registration of the same package won the race: answer with its shipment.
            }
        }
        throw new IllegalStateException("registration kept racing on " + guard);
    }

    private Optional<Registered> existing(String shipmentId) {
        var shipment = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(Keys.shipment(shipmentId)).consistentRead(true).build());
        if (!shipment.hasItem()) return Optional.empty();
        return Optional.of(new Registered(ShipmentItems.shipment(shipment.item(), List.of()), false));
    }

    /**
     * Claims the package for the new shipment. A guard whose shipment is gone (removed by TTL after it ended) may be
     * taken over, but only as read, so a concurrent registration still wins or loses as a whole.
     */
    private TransactWriteItem guardPut(Map<String, AttributeValue> item, Optional<String> staleShipmentId) {
        if (staleShipmentId.isEmpty()) return put(item);
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("shipmentId = :stale")
                .expressionAttributeValues(Map.of(":stale", s(staleShipmentId.get()))).build()).build();
    }

    private static Map<String, AttributeValue> guardItem(Map<String, AttributeValue> guard, String shipmentId) {
        var item = new HashMap<>(guard);
        item.put("shipmentId", s(shipmentId));
        return item;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)").build()).build();
    }

    private Update orderUpdate(RegisterShipment c, String shipmentId, Instant now) {
        String createdAt = Items.sortable(now);
        return Update.builder().tableName(table).key(Keys.orderItem(c.tenantId(), c.orderId()))
                .updateExpression("SET tenantId = :tenant, orderId = :order, customerId = if_not_exists(customerId, :customer), "
                        + "createdAt = if_not_exists(createdAt, :now), GSI2PK = if_not_exists(GSI2PK, :gsi2pk), "
                        + "GSI2SK = if_not_exists(GSI2SK, :gsi2sk) ADD shipmentIds :ids")
                .conditionExpression("attribute_not_exists(PK) OR customerId = :customer")
                .expressionAttributeValues(Map.of(
                        ":tenant", s(c.tenantId()), ":order", s(c.orderId()), ":customer", s(c.customerId()),
                        ":now", s(createdAt), ":gsi2pk", s(Keys.customer(c.customerId())),
                        ":gsi2sk", s("ORDER#" + createdAt + "#" + c.tenantId() + "#" + c.orderId()),
                        ":ids", AttributeValue.fromSs(List.of(shipmentId))))
                .build();
    }
}
