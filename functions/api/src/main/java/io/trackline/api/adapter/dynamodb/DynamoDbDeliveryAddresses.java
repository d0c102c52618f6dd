package io.trackline.api.adapter.dynamodb;

import io.trackline.api.application.address.DeliveryAddresses;
import io.trackline.engine.dynamodb.ShipmentItem;
import io.trackline.view.dynamodb.ShipmentItems;
import io.trackline.view.shipment.Address;
import io.trackline.view.shipment.AddressChange;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The address change as the engine's one conditional update of the shipment item on its {@code version}
 * ({@link ShipmentItem#addressChange}): it only touches {@code deliveryAddress} and {@code addressChanges}, and bumps
 * {@code version}, so a processor that read the old version fails its own conditional write and re-reads; neither the
 * scan nor the change is lost.
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
            dynamo.updateItem(ShipmentItem.addressChange(table, shipmentId, customerId, expectedVersion,
                    ShipmentItems.attribute(address), ShipmentItems.attribute(change), change.changedAt()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
