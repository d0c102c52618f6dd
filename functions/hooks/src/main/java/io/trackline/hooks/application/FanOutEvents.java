package io.trackline.hooks.application;

import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.webhooks.Delivery;
import io.trackline.domain.webhooks.EventType;
import io.trackline.domain.webhooks.WebhookEndpoint;
import io.trackline.domain.webhooks.port.DeliveryLog;
import io.trackline.domain.webhooks.port.DeliveryQueue;
import io.trackline.domain.webhooks.port.WebhookEndpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A committed shipment event → one delivery per enabled endpoint of its tenant that subscribed to its type: kept for
 * replays, then queued on its own, so a slow or failing endpoint never holds up another. An event fanned out twice
 * (its message redelivered) queues its deliveries again under the same {@code webhook-id}s, which receivers
 * deduplicate; none is ever dropped.
 */
public final class FanOutEvents {
    private final WebhookEndpoints endpoints;
    private final DeliveryLog log;
    private final DeliveryQueue queue;
    private final Payloads payloads;

    public FanOutEvents(WebhookEndpoints endpoints, DeliveryLog log, DeliveryQueue queue, Payloads payloads) {
        this.endpoints = endpoints;
        this.log = log;
        this.queue = queue;
        this.payloads = payloads;
    }

    /** @return how many deliveries were queued */
    public int handle(ShipmentEvent event) {
        Optional<EventType> type = EventType.forTrigger(event.trigger());
        if (type.isEmpty()) return 0;
        List<Delivery> deliveries = new ArrayList<>();
        String body = null;
        for (WebhookEndpoint endpoint : endpoints.all(event.tenantId())) {
            if (!endpoint.receives(type.get())) continue;
            if (body == null) body = payloads.body(event, type.get());
            Delivery delivery = new Delivery(event.tenantId(), endpoint.id(), event.eventId(), type.get(), body,
                    createdAt(event));
            log.keep(delivery);
            deliveries.add(delivery);
        }
        if (!deliveries.isEmpty()) queue.enqueue(deliveries);
        return deliveries.size();
    }

    /** When Trackline published it (events from before that field existed: when it happened). */
    private static java.time.Instant createdAt(ShipmentEvent event) {
        return event.publishedAt() != null ? event.publishedAt() : event.occurredAt().toInstant();
    }
}
