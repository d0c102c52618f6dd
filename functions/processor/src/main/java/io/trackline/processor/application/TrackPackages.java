package io.trackline.processor.application;

import io.trackline.aws.log.Log;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.shipment.usecase.TrackScans;
import io.trackline.domain.tracking.ScanReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a batch's packages at once, each on a virtual thread of its own, so the batch takes about as long as its
 * slowest package instead of the sum of them all: a package's time is mostly waiting on DynamoDB. Packages are
 * independent (their own shipments and items); the reports of one package stay together, applied in one go by
 * {@link TrackScans} as when packages ran one after the other. A package that fails (its DynamoDB calls still failing
 * after the SDK's retries) fails alone: the others are applied and counted.
 *
 * <p>What the threads share is safe to share: {@link TrackScans} and the policy are immutable, the engine's DynamoDB
 * store holds an SDK client (thread-safe, on the url-connection HTTP client, which opens a connection per call in
 * flight), its due-key hints in a synchronized map, and the clock; Jackson's mapper and readers are thread-safe once
 * built, a scan key's digest is per thread, and each log line is one {@code println}. The counts are summed here,
 * after every thread is done. On Lambda's Java 21 a virtual thread that waits while holding a monitor pins its carrier:
 * the SDK's url-connection client takes none, and the JDK's HTTP stack waits on locks since JDK 16 (JDK-8229867).
 */
public final class TrackPackages {
    private static final Log LOG = Log.of(TrackPackages.class);

    private final TrackScans trackScans;

    public TrackPackages(TrackScans trackScans) {
        this.trackScans = trackScans;
    }

    /**
     * @param failed the error of each package that could not be applied, keyed and ordered as the batch's packages
     */
    public record Tracked(int shipmentsUpdated, int unregisteredPackages, Map<String, RuntimeException> failed) {
    }

    /** @param reportsByPackage a batch's reports by package ({@link PackageScans#packageOf}), in the batch's order */
    public Tracked track(Map<String, List<ScanReport>> reportsByPackage) {
        Map<String, Future<Integer>> shipmentsByPackage = new LinkedHashMap<>();
        // One thread per package, at most the event source's BatchSize (10, template.yaml); closing waits for them all.
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            reportsByPackage.forEach((pkg, reports) -> shipmentsByPackage.put(pkg,
                    each.submit(() -> apply(pkg, reports))));
        }
        int shipmentsUpdated = 0;
        int unregisteredPackages = 0;
        Map<String, RuntimeException> failed = new LinkedHashMap<>();
        for (var entry : shipmentsByPackage.entrySet()) {
            Future<Integer> shipments = entry.getValue();
            if (shipments.state() == Future.State.SUCCESS) {
                shipmentsUpdated += shipments.resultNow();
                if (shipments.resultNow() == 0) unregisteredPackages++;
            } else if (shipments.exceptionNow() instanceof RuntimeException e) {
                failed.put(entry.getKey(), e);
            } else {
                // An Error fails the invocation, as it did before packages ran at once: SQS retries the whole batch.
                throw (Error) shipments.exceptionNow();
            }
        }
        return new Tracked(shipmentsUpdated, unregisteredPackages, failed);
    }

    /** @return how many shipments the package's scans were applied to (0: kept as unattached) */
    private int apply(String pkg, List<ScanReport> reports) {
        PackageScans scans = PackageScans.of(reports);
        var implausible = trackScans.implausible(scans);
        if (!implausible.isEmpty()) {
            // PRODUCT.md §9: outside the window around receipt; kept flagged (or refused, unregistered): say why.
            LOG.warn("implausible scan time", "package", pkg, "scans", implausible.size(),
                    "reason", "occurredAt outside [receivedAt - SCAN_MAX_AGE, receivedAt + SCAN_AHEAD]");
        }
        int ignoredEstimates = trackScans.implausibleEstimates(scans);
        if (ignoredEstimates > 0) {
            LOG.warn("implausible estimate ignored", "package", pkg, "estimates", ignoredEstimates,
                    "reason", "date outside reportedAt ± SCAN_MAX_AGE");
        }
        return trackScans.track(scans);
    }
}
