package io.trackline.domain.shipment;

import io.trackline.domain.tracking.Scan;

/**
 * A scan as the shipment's history keeps it. {@code postTerminal}: a non-terminal scan that happened after the shipment
 * first reached a terminal status; kept, shown, but it changed nothing. {@code implausibleTime}: its carrier time was
 * outside {@link TrackingPolicy#plausible the window} around its receipt; kept once in the history, changed nothing.
 */
public record TrackedScan(Scan scan, boolean postTerminal, boolean implausibleTime) {
    public TrackedScan(Scan scan, boolean postTerminal) {
        this(scan, postTerminal, false);
    }
}
