package io.trackline.domain.tracking;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One carrier scan in canonical form, whatever source reported it. The raw status, sub-status and message are kept as
 * the carrier sent them, made printable by {@link CarrierText} (here, so no source or reader skips it);
 * {@code occurredAt} keeps the carrier's own offset.
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
        description = description == null ? "" : Objects.requireNonNullElse(CarrierText.clean(description), "");
        rawStatus = CarrierText.clean(rawStatus);
        rawSubStatus = CarrierText.clean(rawSubStatus);
        if (status == Status.EXCEPTION && exceptionReason == null) exceptionReason = ExceptionReason.OTHER;
    }

    public ScanKey key() {
        return ScanKey.of(this);
    }
}
