package io.trackline.api.adapter.dynamodb;

import io.trackline.api.application.address.DeliveryAddresses;
import io.trackline.view.shipment.Address;
import io.trackline.view.shipment.AddressChange;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.view.dynamodb.ShipmentItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.List;
import java.util.Map;

/**
 * The address change as one conditional UpdateItem on the shipment's {@code version}: it only touches
 * {@code deliveryAddress} and {@code addressChanges}, and bumps {@code version}, so a processor that read the old version
 * fails its own conditional write and re-reads; neither the scan nor the change is lost.
 */
public final class DynamoDbDeliveryAddresses implements DeliveryAddresses {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDeliveryAddresses(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean change(String shipmentId, String customerId, long expectedVersion, Address address, AddressChange change) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(TrackingTable.shipmentKey(shipmentId))
                    .updateExpression("SET deliveryAddress = :address, #version = #version + :one, updatedAt = :now, "
                            + "addressChanges = list_append(if_not_exists(addressChanges, :none), :change)")
                    .conditionExpression("#version = :expected AND customerId = :customer")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(
                            ":address", ShipmentItems.attribute(address), ":one", AttributeValue.fromN("1"),
                            ":now", TrackingTable.instant(change.changedAt()), ":none", AttributeValue.fromL(List.of()),
                            ":change", AttributeValue.fromL(List.of(ShipmentItems.attribute(change))),
                            ":expected", AttributeValue.fromN(Long.toString(expectedVersion)), ":customer", AttributeValue.fromS(customerId)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
