package io.trackline.hooks.application;

import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.webhooks.Delivery;
import io.trackline.domain.webhooks.EventType;
import io.trackline.domain.webhooks.WebhookEndpoint;
import io.trackline.domain.webhooks.port.DeliveryLog;
import io.trackline.domain.webhooks.port.DeliveryQueue;
import io.trackline.domain.webhooks.port.WebhookEndpoints;
import io.trackline.view.shipment.TrackedShipment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A committed shipment event → one delivery per enabled endpoint of its tenant that subscribed to its type: kept for
 * replays, then queued on its own, so a slow or failing endpoint never holds up another. The body carries the shipment
 * as it is stored now (read once per event, and only when some endpoint wants it), whose version is the body's
 * {@code sequence}. An event fanned out twice (its message redelivered) queues its deliveries again under the same
 * {@code webhook-id}s, which receivers deduplicate; none is ever dropped.
 */
public final class FanOutEvents {
    private final WebhookEndpoints endpoints;
    private final ShipmentViews shipments;
    private final DeliveryLog log;
    private final DeliveryQueue queue;
    private final Payloads payloads;

    public FanOutEvents(WebhookEndpoints endpoints, ShipmentViews shipments, DeliveryLog log, DeliveryQueue queue,
                        Payloads payloads) {
        this.endpoints = endpoints;
        this.shipments = shipments;
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
            if (body == null) body = payloads.body(event, type.get(), shipmentOf(event));
            Delivery delivery = new Delivery(event.tenantId(), endpoint.id(), event.eventId(), type.get(), body,
                    event.createdAt());
            log.keep(delivery);
            deliveries.add(delivery);
        }
        if (!deliveries.isEmpty()) queue.enqueue(deliveries);
        return deliveries.size();
    }

    /**
     * The shipment the event is about, as stored now: the state it committed or a later one. An older one (a read that
     * missed the commit) or none fails the event, which the queue brings back later, and after its last receive keeps
     * in its DLQ with this reason.
     */
    private TrackedShipment shipmentOf(ShipmentEvent event) {
        TrackedShipment shipment = shipments.newest(event.shipmentId()).filter(s -> s.belongsTo(event.tenantId()))
                .orElseThrow(() -> new IllegalStateException("shipment " + event.shipmentId() + " of event "
                        + event.eventId() + " not found for its tenant"));
        if (shipment.version() < event.sequence()) {
            throw new IllegalStateException("shipment " + event.shipmentId() + " read at version " + shipment.version()
                    + ", older than event " + event.eventId() + " (version " + event.sequence() + ")");
        }
        return shipment;
    }
}
