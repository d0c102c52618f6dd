package io.trackline.bench.engine;

import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.ShipmentUpdate;
import io.trackline.domain.shipment.TrackedScan;
import io.trackline.domain.shipment.port.ConcurrentUpdateException;
import io.trackline.domain.shipment.port.Shipments;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repository port as {@link ProcessorBatchBenchmark} needs it, so the figure is the processor's own CPU: the
 * current state of each shipment by id, a save checked against the stored version. No scan history, no outbox and no
 * change stream (the relay function's work, not the processor's), no packages without a shipment (the benchmark
 * registers every package first), no sweeps. One benchmark thread per instance; the handler applies a batch's
 * packages on threads of their own, so the maps are concurrent.
 */
final class BatchShipments implements Shipments {
    private final Map<String, Shipment> byId = new ConcurrentHashMap<>();
    private final Map<Claim, String> claims = new ConcurrentHashMap<>();

    /** A tenant's registration of a package: what {@link #registered} looks up. */
    private record Claim(String tenantId, Carrier carrier, TrackingNumber trackingNumber) {
        static Claim of(Shipment shipment) {
            var r = shipment.registration();
            return new Claim(r.tenantId(), r.carrier(), r.trackingNumber());
        }
    }

    @Override
    public List<Shipment> forPackage(Carrier carrier, TrackingNumber trackingNumber) {
        return byId.values().stream().filter(s -> s.registration().carrier().equals(carrier)
                && s.registration().trackingNumber().equals(trackingNumber)).toList();
    }

    @Override
    public Optional<Shipment> byId(String shipmentId) {
        return Optional.ofNullable(byId.get(shipmentId));
    }

    @Override
    public Optional<Shipment> registered(String tenantId, Carrier carrier, TrackingNumber trackingNumber) {
        return Optional.ofNullable(claims.get(new Claim(tenantId, carrier, trackingNumber))).map(byId::get);
    }

    @Override
    public void save(ShipmentUpdate update) {
        Shipment current = byId.get(update.before().id());
        if (current.version() != update.before().version()) throw new ConcurrentUpdateException(current.id());
        byId.put(current.id(), update.after());
    }

    @Override
    public void create(ShipmentUpdate registration) {
        Shipment shipment = registration.after();
        claims.put(Claim.of(shipment), shipment.id());
        byId.put(shipment.id(), shipment);
    }

    @Override
    public void keepUnattached(Carrier carrier, TrackingNumber trackingNumber, Collection<Scan> scans, Set<ScanKey> implausible) {
        throw new UnsupportedOperationException("the benchmark registers every package before its scans arrive");
    }

    @Override
    public List<TrackedScan> unattachedScans(Carrier carrier, TrackingNumber trackingNumber) {
        return List.of();
    }

    @Override
    public void reschedule(Shipment shipment) {
        throw new UnsupportedOperationException("the processor does not sweep");
    }

    @Override
    public List<String> due(Instant now, int limit) {
        throw new UnsupportedOperationException("the processor does not sweep");
    }
}
