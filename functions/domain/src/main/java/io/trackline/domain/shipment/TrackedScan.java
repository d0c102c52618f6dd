package io.trackline.domain.shipment;

import io.trackline.domain.tracking.Scan;

/**
 * A scan as the shipment's history keeps it. {@code postTerminal}: a non-terminal scan that happened after the shipment
 * first reached a terminal status; kept, shown, but it changed nothing.
 */
public record TrackedScan(Scan scan, boolean postTerminal) {
}
