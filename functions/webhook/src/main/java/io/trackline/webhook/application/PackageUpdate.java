package io.trackline.webhook.application;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One package's scans from one webhook, and the carrier's estimated delivery date if it gave one. */
public record PackageUpdate(Carrier carrier, TrackingNumber trackingNumber, List<Scan> scans, Optional<LocalDate> estimate) {
    public PackageUpdate {
        scans = List.copyOf(scans);
        estimate = estimate == null ? Optional.empty() : estimate;
    }
}
