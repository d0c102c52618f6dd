package io.trackline.domain.shipment;

import io.trackline.domain.alerts.Trigger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from what caused the event (shipment, cause, trigger), never random: a redelivered batch recomputes
 * the same ids, so the outbox write is idempotent and subscribers can deduplicate.
 */
public final class EventIds {
    private EventIds() {
    }

    public static String of(String shipmentId, String cause, Trigger trigger) {
        return UUID.nameUUIDFromBytes((shipmentId + '|' + cause + '|' + trigger.name()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
