package io.trackline.aws.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.trackline.aws.Json;
import io.trackline.domain.alerts.ShipmentEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shipment-events topic's message body (JSON of {@link ShipmentEvent}) and its SNS message attributes, which
 * subscriptions filter on: {@code trigger}, {@code status}, {@code tenantId}, {@code delayed} and, when set,
 * {@code exceptionReason}.
 */
public final class ShipmentEventCodec {
    private ShipmentEventCodec() {
    }

    public static String encode(ShipmentEvent event) {
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a shipment event always serialises", e);
        }
    }

    /** @throws IllegalArgumentException when the body is not a shipment event */
    public static ShipmentEvent decode(String body) {
        try {
            return Json.mapper().readValue(body, ShipmentEvent.class);
        } catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException("not a shipment event: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes a body this codec wrote, keeping each date-time's offset, so that {@code encode(decodeExactly(body))}
     * is {@code body} again (the outbox relay republishes what the processor wrote). {@link #decode} gives instants in
     * UTC, which is what subscribers compare.
     *
     * @throws IllegalArgumentException when the body is not a shipment event
     */
    public static ShipmentEvent decodeExactly(String body) {
        try {
            return Json.mapper().readerFor(ShipmentEvent.class)
                    .without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).readValue(body);
        } catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException("not a shipment event: " + e.getMessage(), e);
        }
    }

    /** Attribute name to string value; the SNS adapter turns them into {@code MessageAttributeValue}s. */
    public static Map<String, String> attributes(ShipmentEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("trigger", event.trigger().name());
        attributes.put("status", event.status().name());
        attributes.put("tenantId", event.tenantId());
        attributes.put("delayed", Boolean.toString(event.delayed()));
        if (event.exceptionReason() != null) attributes.put("exceptionReason", event.exceptionReason().name());
        return attributes;
    }
}
