package io.trackline.domain.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as sent to one endpoint: its body is fixed when the event is fanned out, so every retry and replay sends
 * the same bytes under the same {@code webhook-id}.
 *
 * @param createdAt when the event was published (the body's {@code createdAt}); replays select by it
 */
public record Delivery(String tenantId, String endpointId, String eventId, EventType type, String body, Instant createdAt) {
    public Delivery {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public String webhookId() {
        return WebhookIds.of(eventId, endpointId);
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
