package io.trackline.hooks.application;

import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.webhooks.EventType;
import io.trackline.view.shipment.TrackedShipment;

/**
 * Port: the body an API client receives for a shipment event, {@code {"id", "type", "createdAt", "data": {"shipment",
 * "sequence"}}}, with the shipment as it is stored when the event is fanned out.
 */
public interface Payloads {
    String body(ShipmentEvent event, EventType type, TrackedShipment shipment);
}
