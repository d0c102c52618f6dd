package io.trackline.hooks.application;

import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.webhooks.EventType;

/** Port: the body an API client receives for a shipment event, {@code {"id", "type", "createdAt", "data"}}. */
public interface Payloads {
    String body(ShipmentEvent event, EventType type);
}
