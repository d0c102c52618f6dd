package io.trackline.page.application;

import io.trackline.domain.shipment.DeliveryAddress;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the tracking page shows of a shipment: what public tracking shows (README "API", Public tracking) plus the
 * promised date, whether the address may still change, and the shipment id the page links with. It has no field for a
 * name, street, postal code, phone, email, order or customer, and no carrier description, so no page can show one.
 *
 * @param trackingNumberEnd the last four characters of the tracking number
 * @param milestone         the furthest progress reached; null before the first scan
 * @param statusAt          when the current status happened, in the carrier's local offset; null before the first scan
 * @param history           newest first, city-level, plausible carrier times only
 */
public record TrackedPackage(String shipmentId, String carrier, String trackingNumberEnd, Status status,
                             Milestone milestone, ExceptionReason exceptionReason, boolean actionRequired,
                             boolean delayed, boolean terminal, OffsetDateTime statusAt, LocalDate promised,
                             LocalDate latestEstimate, List<PackageScan> history) {

    public TrackedPackage {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(status, "status");
        history = List.copyOf(history);
    }

    /** The delivery date to show: the carrier's latest estimate, else the promised date. */
    public LocalDate expected() {
        return latestEstimate != null ? latestEstimate : promised;
    }

    /** Both dates are known and the carrier's latest estimate is not the promised date. */
    public boolean estimateDiffersFromPromise() {
        return promised != null && latestEstimate != null && !promised.equals(latestEstimate);
    }

    /** Over: delivered, returned, lost or cancelled. */
    public boolean ended() {
        return terminal || status.isTerminal();
    }

    /** The customer may still change the delivery address (the customer API's rule, {@link DeliveryAddress#changeable}). */
    public boolean addressChangeOpen() {
        return DeliveryAddress.changeable(status, milestone, terminal);
    }

    /** One carrier scan as the page shows it: our text for its status, its local time and its city. */
    public record PackageScan(Status status, ExceptionReason exceptionReason, OffsetDateTime occurredAt, String city,
                              String region, String country) {
        public PackageScan {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }
}
