package io.trackline.domain.webhooks.usecase;

import io.trackline.domain.InvalidValueException;
import io.trackline.domain.Text;
import io.trackline.domain.webhooks.Delivery;
import io.trackline.domain.webhooks.WebhookEndpoint;
import io.trackline.domain.webhooks.port.DeliveryLog;
import io.trackline.domain.webhooks.port.DeliveryQueue;

import java.time.Instant;
import java.util.List;

/**
 * Sends an endpoint's kept deliveries again, whatever their earlier outcome, with the same body and {@code webhook-id}
 * (so a receiver that has one drops the copy): the events created in a window, or named ones. At most
 * {@link #MOST} per request; a wider window is replayed in parts.
 */
public final class ReplayDeliveries {
    public static final int MOST = 1000;
    public static final int MOST_EVENT_IDS = 100;

    private final DeliveryLog log;
    private final DeliveryQueue queue;

    public ReplayDeliveries(DeliveryLog log, DeliveryQueue queue) {
        this.log = log;
        this.queue = queue;
    }

    /** @return how many were queued */
    public int window(WebhookEndpoint endpoint, Instant since, Instant until) {
        if (!since.isBefore(until)) throw new InvalidValueException("until", "must be after since");
        return queue(log.createdBetween(endpoint.tenantId(), endpoint.id(), since, until), "since");
    }

    /** @return how many were queued (events no longer kept, or never sent to this endpoint, are skipped) */
    public int events(WebhookEndpoint endpoint, List<String> eventIds) {
        if (eventIds.isEmpty() || eventIds.size() > MOST_EVENT_IDS) {
            throw new InvalidValueException("eventIds", "must name 1 to " + MOST_EVENT_IDS + " events");
        }
        List<String> ids = eventIds.stream().map(id -> Text.required(id, "eventIds", 100)).distinct().toList();
        return queue(log.ofEvents(endpoint.tenantId(), endpoint.id(), ids), "eventIds");
    }

    private int queue(List<Delivery> deliveries, String field) {
        if (deliveries.size() > MOST) {
            throw new InvalidValueException(field, "selects " + deliveries.size() + " deliveries; replay at most " + MOST
                    + " at a time (a narrower window)");
        }
        if (!deliveries.isEmpty()) queue.enqueue(deliveries);
        return deliveries.size();
    }
}
