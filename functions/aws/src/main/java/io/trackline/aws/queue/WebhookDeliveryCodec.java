package io.trackline.aws.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;
import io.trackline.domain.webhooks.Delivery;
import io.trackline.domain.webhooks.EventType;

import java.time.Instant;

/**
 * The webhook delivery queue's message: one {@link Delivery} (one event for one endpoint, its body fixed) and when it
 * was queued, from which its retries count their 72 hours.
 */
public final class WebhookDeliveryCodec {
    private WebhookDeliveryCodec() {
    }

    public record Queued(Delivery delivery, Instant queuedAt) {
    }

    public static String encode(Delivery d, Instant queuedAt) {
        ObjectNode json = Json.mapper().createObjectNode()
                .put("tenantId", d.tenantId()).put("endpointId", d.endpointId()).put("eventId", d.eventId())
                .put("type", d.type().wireName()).put("body", d.body()).put("createdAt", d.createdAt().toString())
                .put("queuedAt", queuedAt.toString());
        return SqsText.escapeForJson(json.toString());
    }

    /** @throws IllegalArgumentException when the body is not a delivery */
    public static Queued decode(String body) {
        try {
            JsonNode json = Json.mapper().readTree(body);
            Delivery delivery = new Delivery(text(json, "tenantId"), text(json, "endpointId"), text(json, "eventId"),
                    EventType.of(text(json, "type")), text(json, "body"), Instant.parse(text(json, "createdAt")));
            return new Queued(delivery, Instant.parse(text(json, "queuedAt")));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a webhook delivery: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) throw new IllegalArgumentException(field + " is missing");
        return value.asText();
    }
}
