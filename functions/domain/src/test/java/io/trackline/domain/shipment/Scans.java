package io.trackline.domain.shipment;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Test data: one package, its registration and scans of it. */
public final class Scans {
    public static final Carrier CARRIER = Carrier.of("ups");
    public static final TrackingNumber TRACKING = TrackingNumber.of("1Z999AA10123456784");
    public static final Instant REGISTERED_AT = Instant.parse("2026-03-02T08:00:00Z");
    public static final LocalDate PROMISED = LocalDate.parse("2026-03-06");

    private Scans() {
    }

    public static Registration registration(String id) {
        return new Registration(id, "tenant-1", "order-1", "customer-1", CARRIER, TRACKING, "ground", PROMISED,
                new DeliveryAddress("Jane Doe", "1 Main St", null, "Springfield", "IL", "62701", "US"),
                new Contact("jane@example.com", "+14155550123"), REGISTERED_AT);
    }

    public static Scan scan(Status status, String occurredAt) {
        return scan(status, occurredAt, "Springfield");
    }

    public static Scan scan(Status status, String occurredAt, String city) {
        return new Scan(CARRIER, TRACKING, status, OffsetDateTime.parse(occurredAt), status.name().toLowerCase() + " scan",
                new Location(city, "IL", null, "US"), "native", status.name(), null, null, false, false);
    }

    public static Scan exception(ExceptionReason reason, boolean actionRequired, String occurredAt) {
        return new Scan(CARRIER, TRACKING, Status.EXCEPTION, OffsetDateTime.parse(occurredAt), "exception",
                new Location("Springfield", "IL", null, "US"), "native", "X", null, reason, actionRequired, false);
    }
}
