package io.trackline.hooks.adapter.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.webhooks.EventType;
import io.trackline.hooks.application.Payloads;
import io.trackline.view.json.ShipmentJson;
import io.trackline.view.shipment.Audience;
import io.trackline.view.shipment.TrackedShipment;

/**
 * {@code {"id", "type", "createdAt", "data": {"shipment": {…}, "sequence"}}}: {@code shipment} is what
 * {@code GET /v1/shipments/{id}} answers the tenant (the same renderer, {@link ShipmentJson}), with its newest scan as
 * its only event; {@code sequence} is the stored version of that state, so the two always agree.
 */
public final class JsonPayloads implements Payloads {
    @Override
    public String body(ShipmentEvent e, EventType type, TrackedShipment shipment) {
        ObjectNode json = Json.mapper().createObjectNode()
                .put("id", e.eventId())
                .put("type", type.wireName())
                .put("createdAt", e.createdAt().toString());
        ObjectNode data = json.putObject("data");
        data.set("shipment", ShipmentJson.shipment(shipment, Audience.TENANT, true));
        data.put("sequence", shipment.version());
        if (type == EventType.CASE_OPENED) data.putObject("case").put("id", e.eventId()).put("type", "SUSPECTED_LOST");
        return json.toString();
    }
}
