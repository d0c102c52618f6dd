package io.trackline.hooks.adapter.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.webhooks.EventType;
import io.trackline.hooks.application.Payloads;


/**
 * {@code {"id", "type", "createdAt", "data": {"shipment": {…}, "sequence"}}}: the shipment as the event committed it,
 * in the field names of {@code GET /v1/shipments/{id}}, with the event's scan as its only event; {@code sequence} is
 * the shipment's stored version at that commit.
 */
public final class JsonPayloads implements Payloads {
    @Override
    public String body(ShipmentEvent e, EventType type) {
        ObjectNode json = Json.mapper().createObjectNode()
                .put("id", e.eventId())
                .put("type", type.wireName())
                .put("createdAt", (e.publishedAt() != null ? e.publishedAt() : e.occurredAt().toInstant()).toString());
        ObjectNode data = json.putObject("data");
        ObjectNode shipment = data.putObject("shipment")
                .put("id", e.shipmentId()).put("orderId", e.orderId()).put("customerId", e.customerId())
                .put("carrier", e.carrier()).put("trackingNumber", e.trackingNumber())
                .put("status", e.status().name())
                .put("milestone", e.milestone() == null ? null : e.milestone().name())
                .put("exceptionReason", e.exceptionReason() == null ? null : e.exceptionReason().name())
                .put("actionRequired", e.actionRequired())
                .put("delayed", e.delayed())
                .put("terminal", e.status().isTerminal());
        shipment.putObject("eta").put("latest", e.eta() == null ? null : e.eta().toString());
        Location where = e.location() == null ? Location.UNKNOWN : e.location();
        ObjectNode event = shipment.putArray("events").addObject()
                .put("status", e.status().name())
                .put("occurredAt", e.occurredAt().toString())
                .put("description", e.description());
        event.putObject("location").put("city", where.city()).put("region", where.region())
                .put("postalCode", where.postalCode()).put("country", where.country());
        data.put("sequence", e.sequence());
        if (type == EventType.CASE_OPENED) data.putObject("case").put("id", e.eventId()).put("type", "SUSPECTED_LOST");
        return json.toString();
    }
}
