package io.trackline.domain.shipment.port;

import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.ShipmentUpdate;
import io.trackline.domain.shipment.TrackedScan;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where shipments, their history and their outbox live. */
public interface Shipments {

    /** Every tenant's shipment for this package, in one read (the state may be slightly stale: {@link #save} checks). */
    List<Shipment> forPackage(Carrier carrier, TrackingNumber trackingNumber);

    /** A strongly consistent read, after a {@link ConcurrentUpdateException} or for the sweeper. */
    Optional<Shipment> byId(String shipmentId);

    /** This tenant's shipment for the package, if it was registered. */
    Optional<Shipment> registered(String tenantId, Carrier carrier, TrackingNumber trackingNumber);

    /**
     * Stores the update's new scans, and, if the stored version is still {@code before.version()}, its state together
     * with its announcements in the outbox (one atomic write). The outbox holds this write's announcements only; the
     * store publishes each announcement of a committed write exactly once, after the write (its change stream), so a
     * caller never publishes and a crash after the write loses nothing.
     *
     * @throws ConcurrentUpdateException when another writer got there first: reload, re-apply, retry
     */
    void save(ShipmentUpdate update);

    /**
     * Stores a newly registered shipment (the update of {@link Shipment#register} with any early scans applied) and
     * its order, unless this tenant registered the package meanwhile.
     *
     * @throws AlreadyRegisteredException when the tenant already has a shipment for this package
     */
    void create(ShipmentUpdate registration);

    /** Keeps scans of a package nobody registered yet, to attach at registration. */
    default void keepUnattached(Carrier carrier, TrackingNumber trackingNumber, Collection<Scan> scans) {
        keepUnattached(carrier, trackingNumber, scans, Set.of());
    }

    /**
     * Keeps scans of a package nobody registered yet, to attach at registration; those named in {@code implausible}
     * (carrier time outside the window around their receipt, PRODUCT.md §9) are kept flagged and attached flagged.
     */
    void keepUnattached(Carrier carrier, TrackingNumber trackingNumber, Collection<Scan> scans, Set<ScanKey> implausible);

    /** The scans kept for a package nobody had registered. */
    default List<Scan> unattached(Carrier carrier, TrackingNumber trackingNumber) {
        return unattachedScans(carrier, trackingNumber).stream().map(TrackedScan::scan).toList();
    }

    /** The scans kept for a package nobody had registered, with their {@link TrackedScan#implausibleTime} flag. */
    List<TrackedScan> unattachedScans(Carrier carrier, TrackingNumber trackingNumber);

    /**
     * The sweeper looked at the shipment and nothing was due: index it at its {@link Shipment#nextCheckAt} (saves may
     * leave it indexed earlier than needed, never later). A no-op when another writer saved it meanwhile.
     */
    void reschedule(Shipment shipment);

    /**
     * Ids of open shipments the sweeper should look at now, from an index of due dates (never a scan): every shipment
     * whose next check has come, and possibly some indexed earlier than needed.
     */
    List<String> due(Instant now, int limit);
}
