package io.trackline.hooks.adapter.dynamodb;

import io.trackline.hooks.application.ShipmentViews;
import io.trackline.view.dynamodb.DynamoDbShipmentViews;
import io.trackline.view.shipment.TrackedShipment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Optional;

/**
 * The shipment with its newest scan, read as {@code GET /v1/shipments/{id}} reads it (one Query on its partition),
 * strongly consistent: the event that is fanned out was committed, and its state must be what is read.
 */
public final class NewestShipmentViews implements ShipmentViews {
    private final DynamoDbShipmentViews views;

    public NewestShipmentViews(DynamoDbClient dynamo, String table) {
        this.views = new DynamoDbShipmentViews(dynamo, table, true);
    }

    @Override
    public Optional<TrackedShipment> newest(String shipmentId) {
        return views.shipment(shipmentId, 1);
    }
}
