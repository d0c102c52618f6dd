package io.trackline.domain.shipment.usecase;

import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.ShipmentUpdate;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.port.ConcurrentUpdateException;
import io.trackline.domain.shipment.port.Shipments;

import io.trackline.domain.tracking.ScanKey;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The processor's use case: apply one package's scans to every shipment registered for it (or keep them until one is),
 * order-safe; each change and its announcements are one write (the store publishes them exactly once).
 */
public final class TrackScans {
    /**
     * Concurrent writers to one shipment are rare (one package in two batches at once); a few retries with a jittered
     * pause settle it. Past that, the messages fail and SQS redelivers them.
     */
    static final int MAX_ATTEMPTS = 8;

    private final Shipments shipments;
    private final TrackingPolicy policy;
    private final Clock clock;

    public TrackScans(Shipments shipments, TrackingPolicy policy, Clock clock) {
        this.shipments = shipments;
        this.policy = policy;
        this.clock = clock;
    }

    /** @return how many shipments the scans were applied to (0: kept as unattached) */
    public int track(PackageScans scans) {
        return track(scans, Set.of());
    }

    /**
     * @param alsoImplausible scans known to be implausible already (kept flagged while the package was unregistered)
     * @return how many shipments the scans were applied to (0: kept as unattached)
     */
    public int track(PackageScans scans, Set<ScanKey> alsoImplausible) {
        Set<ScanKey> implausible = new HashSet<>(scans.implausible(policy));
        implausible.addAll(alsoImplausible);
        List<Shipment> registered = shipments.forPackage(scans.carrier(), scans.trackingNumber());
        if (registered.isEmpty()) {
            // Kept flagged, and attached flagged at registration: they never change a state.
            shipments.keepUnattached(scans.carrier(), scans.trackingNumber(), scans.scans(), implausible);
            return 0;
        }
        for (Shipment shipment : registered) apply(shipment, scans, implausible);
        return registered.size();
    }

    /** The scans of {@code scans} whose carrier time this engine's policy finds implausible (PRODUCT.md §9). */
    public Set<ScanKey> implausible(PackageScans scans) {
        return scans.implausible(policy);
    }

    /** How many estimates of {@code scans} this engine's policy finds implausible: they are not applied. */
    public int implausibleEstimates(PackageScans scans) {
        return scans.estimates().size() - scans.plausibleEstimates(policy).size();
    }

    private void apply(Shipment shipment, PackageScans scans, Set<ScanKey> implausible) {
        Shipment current = shipment;
        for (int attempt = 1; ; attempt++) {
            ShipmentUpdate update = current.apply(scans.scans(), implausible, scans.plausibleEstimates(policy), clock.instant(), policy);
            if (!update.changed()) return;
            try {
                shipments.save(update);
                return;
            } catch (ConcurrentUpdateException e) {
                if (attempt == MAX_ATTEMPTS) throw e;
                backOff(attempt);
                String id = current.id();
                // The conflict may be our own write, committed but reported failed (a 5xx after commit): re-applying
                // to what is stored then changes nothing, and that write's announcements left with it.
                current = shipments.byId(id).orElseThrow(() -> new IllegalStateException("shipment " + id + " vanished"));
            }
        }
    }

    /** Up to 10 ms times the attempt, random, so two writers stop colliding in lockstep. */
    static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a concurrent update", interrupted);
        }
    }
}
