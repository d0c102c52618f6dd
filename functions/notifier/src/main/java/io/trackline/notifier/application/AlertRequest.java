package io.trackline.notifier.application;

import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.ShipmentEvent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One queue message: a shipment event, or a copy of one held for quiet hours, which concerns one channel only and
 * carries when it was first held; with the receipt handle of its receive, when it has one.
 */
public record AlertRequest(String messageId, ShipmentEvent event, Optional<Channel> heldChannel, Optional<Instant> heldSince,
                           Optional<String> receiptHandle) {
    public AlertRequest {
        Objects.requireNonNull(receiptHandle, "receiptHandle");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(heldChannel, "heldChannel");
        Objects.requireNonNull(heldSince, "heldSince");
    }

    public AlertRequest(String messageId, ShipmentEvent event, Optional<Channel> heldChannel, Optional<Instant> heldSince) {
        this(messageId, event, heldChannel, heldSince, Optional.empty());
    }

    public static AlertRequest of(String messageId, ShipmentEvent event) {
        return new AlertRequest(messageId, event, Optional.empty(), Optional.empty());
    }
}
