package io.trackline.domain.tracking;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One carrier scan in canonical form, whatever source reported it. The raw status, sub-status and message are kept as
 * the carrier sent them; {@code occurredAt} keeps the carrier's own offset.
 */
public record Scan(
        Carrier carrier,
        TrackingNumber trackingNumber,
        Status status,
        OffsetDateTime occurredAt,
        String description,
        Location location,
        String source,
        String rawStatus,
        String rawSubStatus,
        ExceptionReason exceptionReason,
        boolean actionRequired,
        boolean carrierSaysDelayed) {

    public Scan {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        location = location == null ? Location.UNKNOWN : location;
        description = description == null ? "" : description;
        if (status == Status.EXCEPTION && exceptionReason == null) exceptionReason = ExceptionReason.OTHER;
    }

    public ScanKey key() {
        return ScanKey.of(this);
    }
}
