package io.trackline.webhook.application;

import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.webhook.application.PackageUpdate;
import io.trackline.webhook.application.SourceDelivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one delivery into one {@link ScanReport} per package, each scan once: a scan repeated within the request (by
 * {@link ScanKey}) is counted as a duplicate and dropped. The last estimate a package's updates carry wins.
 */
final class ScanReports {
    record Grouped(List<ScanReport> reports, int accepted, int duplicates) {
    }

    private ScanReports() {
    }

    static Grouped group(String source, SourceDelivery delivery, Instant receivedAt) {
        Map<String, List<PackageUpdate>> byPackage = new LinkedHashMap<>();
        for (PackageUpdate update : delivery.packages()) {
            byPackage.computeIfAbsent(update.carrier().code() + "#" + update.trackingNumber().value(), k -> new ArrayList<>())
                    .add(update);
        }
        Set<ScanKey> seen = new HashSet<>();
        List<ScanReport> reports = new ArrayList<>(byPackage.size());
        int accepted = 0;
        int duplicates = 0;
        for (List<PackageUpdate> updates : byPackage.values()) {
            List<Scan> scans = new ArrayList<>();
            Optional<LocalDate> estimate = Optional.empty();
            for (PackageUpdate update : updates) {
                for (Scan scan : update.scans()) {
                    if (seen.add(scan.key())) scans.add(scan);
                    else duplicates++;
                }
                if (update.estimate().isPresent()) estimate = update.estimate();
            }
            accepted += scans.size();
            PackageUpdate first = updates.getFirst();
            reports.add(new ScanReport(source, delivery.deliveryId(), receivedAt, first.carrier(), first.trackingNumber(),
                    scans, estimate.map(date -> new CarrierEstimate(date, receivedAt))));
        }
        return new Grouped(reports, accepted, duplicates);
    }
}
