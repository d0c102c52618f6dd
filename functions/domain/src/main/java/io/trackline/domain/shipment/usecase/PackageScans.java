package io.trackline.domain.shipment.usecase;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.domain.tracking.TrackingNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Everything one batch says about one package: the scans and estimates of all its reports together. */
public record PackageScans(Carrier carrier, TrackingNumber trackingNumber, List<Scan> scans,
                           List<CarrierEstimate> estimates) {
    public PackageScans {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        scans = List.copyOf(scans);
        estimates = List.copyOf(estimates);
    }

    /** @param reports reports of one package */
    public static PackageScans of(List<ScanReport> reports) {
        List<Scan> scans = new ArrayList<>();
        List<CarrierEstimate> estimates = new ArrayList<>();
        for (ScanReport report : reports) {
            if (!report.carrier().equals(reports.getFirst().carrier())
                    || !report.trackingNumber().equals(reports.getFirst().trackingNumber())) {
                throw new IllegalArgumentException("reports of different packages");
            }
            scans.addAll(report.scans());
            report.estimate().ifPresent(estimates::add);
        }
        return new PackageScans(reports.getFirst().carrier(), reports.getFirst().trackingNumber(), scans, estimates);
    }

    /** Identifies the package, e.g. for grouping a batch. */
    public static String packageOf(ScanReport report) {
        return report.carrier().code() + '#' + report.trackingNumber().value();
    }
}
