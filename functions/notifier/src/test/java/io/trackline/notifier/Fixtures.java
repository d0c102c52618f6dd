package io.trackline.notifier;

import io.trackline.domain.alerts.EmailAddress;
import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Status;
import io.trackline.notifier.application.ShipmentSnapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Shipment events and shipments as the tests need them. */
public final class Fixtures {
    public static final String TRACKING_PAGE = "https://track.example.com/t";

    private Fixtures() {
    }

    public static ShipmentEvent event(String eventId, Trigger trigger, String shipmentId, String customerId, Instant occurredAt) {
        Status status = switch (trigger) {
            case DELAYED, STALLED, SUSPECTED_LOST -> Status.IN_TRANSIT;
            default -> Status.valueOf(trigger.name());
        };
        return new ShipmentEvent(eventId, trigger, shipmentId, "tenant-acme", "ord-77", customerId, "ups",
                "1Z999AA10123456784", status, Status.IN_TRANSIT, null,
                trigger == Trigger.EXCEPTION ? ExceptionReason.ADDRESS_ISSUE : null, false, trigger == Trigger.DELAYED,
                LocalDate.parse("2026-11-30"), "scan", new Location("Portland", "OR", "97201", "US"),
                occurredAt.atOffset(ZoneOffset.ofHours(-8)), occurredAt, 2);
    }

    /** {@code e} at {@code location}. */
    public static ShipmentEvent at(ShipmentEvent e, Location location) {
        return new ShipmentEvent(e.eventId(), e.trigger(), e.shipmentId(), e.tenantId(), e.orderId(), e.customerId(), e.carrier(),
                e.trackingNumber(), e.status(), e.previousStatus(), e.milestone(), e.exceptionReason(), e.actionRequired(), e.delayed(),
                e.eta(), e.description(), location, e.occurredAt(), e.publishedAt(), e.sequence());
    }

    /** {@code e} for the exception {@code reason}. */
    public static ShipmentEvent because(ShipmentEvent e, ExceptionReason reason) {
        return new ShipmentEvent(e.eventId(), e.trigger(), e.shipmentId(), e.tenantId(), e.orderId(), e.customerId(), e.carrier(),
                e.trackingNumber(), e.status(), e.previousStatus(), e.milestone(), reason, e.actionRequired(), e.delayed(),
                e.eta(), e.description(), e.location(), e.occurredAt(), e.publishedAt(), e.sequence());
    }

    public static ShipmentSnapshot shipment(String shipmentId, String customerId, String phone) {
        return new ShipmentSnapshot(shipmentId, Optional.of(customerId), Optional.of(new PhoneNumber(phone)),
                Optional.of(new EmailAddress("jane.doe@example.com")), false, Optional.of(LocalDate.parse("2026-11-30")),
                List.of(new ShipmentSnapshot.ScanLine("2026-11-27T07:12:00-08:00", "OUT_FOR_DELIVERY", "Out for delivery", "Portland"),
                        new ShipmentSnapshot.ScanLine("2026-11-26T22:40:00-08:00", "IN_TRANSIT", "Arrived at facility", "Portland")),
                List.of());
    }
}
