package io.trackline.domain.shipment.usecase;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.domain.tracking.TrackingNumber;

import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.tracking.ScanKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Objects;

/**
 * Everything one batch says about one package: the scans and estimates of all its reports together.
 *
 * @param receivedAt when each scan was first received in this batch (its report's {@code receivedAt}); a scan without
 *                   an entry has no known receipt and is taken as plausible
 */
public record PackageScans(Carrier carrier, TrackingNumber trackingNumber, List<Scan> scans,
                           List<CarrierEstimate> estimates, Map<ScanKey, Instant> receivedAt) {
    public PackageScans {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        scans = List.copyOf(scans);
        estimates = List.copyOf(estimates);
        receivedAt = receivedAt == null ? Map.of() : Map.copyOf(receivedAt);
    }

    public PackageScans(Carrier carrier, TrackingNumber trackingNumber, List<Scan> scans, List<CarrierEstimate> estimates) {
        this(carrier, trackingNumber, scans, estimates, Map.of());
    }

    /** The scans whose carrier time is outside the policy's window around their (earliest) receipt. */
    public Set<ScanKey> implausible(TrackingPolicy policy) {
        Set<ScanKey> out = new HashSet<>();
        for (Scan scan : scans) {
            Instant received = receivedAt.get(scan.key());
            if (received != null && !policy.plausible(scan.occurredAt(), received)) out.add(scan.key());
        }
        return out;
    }

    /** The estimates whose date is inside the policy's window around their report ({@link TrackingPolicy#plausible(CarrierEstimate)}). */
    public List<CarrierEstimate> plausibleEstimates(TrackingPolicy policy) {
        return estimates.stream().filter(policy::plausible).toList();
    }

    /** @param reports reports of one package */
    public static PackageScans of(List<ScanReport> reports) {
        List<Scan> scans = new ArrayList<>();
        List<CarrierEstimate> estimates = new ArrayList<>();
        Map<ScanKey, Instant> received = new HashMap<>();
        for (ScanReport report : reports) {
            if (!report.carrier().equals(reports.getFirst().carrier())
                    || !report.trackingNumber().equals(reports.getFirst().trackingNumber())) {
                throw new IllegalArgumentException("reports of different packages");
            }
            scans.addAll(report.scans());
            for (Scan scan : report.scans()) received.merge(scan.key(), report.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            report.estimate().ifPresent(estimates::add);
        }
        return new PackageScans(reports.getFirst().carrier(), reports.getFirst().trackingNumber(), scans, estimates,
                received);
    }

    /** Identifies the package, e.g. for grouping a batch. */
    public static String packageOf(ScanReport report) {
        return report.carrier().code() + '#' + report.trackingNumber().value();
    }
}
