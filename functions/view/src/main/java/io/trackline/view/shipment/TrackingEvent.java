package io.trackline.view.shipment;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Status;

import java.time.OffsetDateTime;

/**
 * One stored carrier scan of a shipment, as the processor wrote it. {@code implausibleTime}: its carrier time was
 * outside the plausible window around its receipt (README "Tracking engine"); kept, but it changed nothing.
 */
public record TrackingEvent(String scanKey, Status status, OffsetDateTime occurredAt, String description,
                            Location location, String source, String rawStatus, ExceptionReason exceptionReason,
                            boolean postTerminal, boolean implausibleTime) {

    public TrackingEvent(String scanKey, Status status, OffsetDateTime occurredAt, String description, Location location,
                         String source, String rawStatus, ExceptionReason exceptionReason, boolean postTerminal) {
        this(scanKey, status, occurredAt, description, location, source, rawStatus, exceptionReason, postTerminal, false);
    }
}
