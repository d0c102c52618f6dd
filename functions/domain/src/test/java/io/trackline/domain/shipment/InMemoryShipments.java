package io.trackline.domain.shipment;

import io.trackline.domain.shipment.port.AlreadyRegisteredException;
import io.trackline.domain.shipment.port.Announcer;
import io.trackline.domain.shipment.port.ConcurrentUpdateException;
import io.trackline.domain.shipment.port.Shipments;
import io.trackline.domain.shipment.usecase.AnnouncementRelay;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repository port in memory, with the stored semantics of the DynamoDB adapter (versioned saves, scans stored once,
 * the outbox holding the last write's announcements) and of its change stream: each committed write is relayed to
 * {@code changeStream} through the {@link AnnouncementRelay}, as the relay function does from the table's stream. For
 * unit tests and the processor's CPU benchmark.
 */
public class InMemoryShipments implements Shipments {
    private final TrackingPolicy policy;
    private final AnnouncementRelay relay;
    private final Map<String, Shipment> shipments = new ConcurrentHashMap<>();
    private final Map<String, Map<ScanKey, TrackedScan>> histories = new ConcurrentHashMap<>();
    private final Map<String, List<Announcement>> outboxes = new ConcurrentHashMap<>();
    private final Map<String, Map<ScanKey, TrackedScan>> unattached = new ConcurrentHashMap<>();
    private final Map<String, SuspectedLoss> cases = new ConcurrentHashMap<>();

    public InMemoryShipments(TrackingPolicy policy, Announcer changeStream) {
        this.policy = policy;
        this.relay = new AnnouncementRelay(changeStream);
    }

    @Override
    public List<Shipment> forPackage(Carrier carrier, TrackingNumber trackingNumber) {
        return shipments.values().stream()
                .filter(s -> s.registration().carrier().equals(carrier) && s.registration().trackingNumber().equals(trackingNumber))
                .toList();
    }

    @Override
    public Optional<Shipment> byId(String shipmentId) {
        return Optional.ofNullable(shipments.get(shipmentId));
    }

    @Override
    public Optional<Shipment> registered(String tenantId, Carrier carrier, TrackingNumber trackingNumber) {
        return forPackage(carrier, trackingNumber).stream().filter(s -> s.registration().tenantId().equals(tenantId)).findFirst();
    }

    @Override
    public synchronized void save(ShipmentUpdate update) {
        String id = update.before().id();
        storeScans(id, update);
        Shipment stored = shipments.get(id);
        if (stored == null || stored.version() != update.before().version()) throw new ConcurrentUpdateException(id);
        commit(update);
    }

    @Override
    public synchronized void create(ShipmentUpdate registration) {
        Registration r = registration.after().registration();
        if (registered(r.tenantId(), r.carrier(), r.trackingNumber()).isPresent()) {
            throw new AlreadyRegisteredException(r.tenantId(), r.carrier().code(), r.trackingNumber().value());
        }
        storeScans(r.id(), registration);
        commit(registration);
    }

    private void storeScans(String id, ShipmentUpdate update) {
        var history = histories.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
        update.newScans().forEach(s -> history.putIfAbsent(s.scan().key(), s));
        update.reflagPostTerminalFrom().ifPresent(from -> history.replaceAll((key, tracked) ->
                !tracked.scan().status().isTerminal() && tracked.scan().occurredAt().toInstant().isAfter(from)
                        ? new TrackedScan(tracked.scan(), true) : tracked));
    }

    private void commit(ShipmentUpdate update) {
        Shipment after = update.after();
        List<Announcement> before = outboxes.getOrDefault(after.id(), List.of());
        outboxes.put(after.id(), update.announcements());
        update.suspectedLoss().ifPresent(loss -> cases.putIfAbsent(loss.caseId(), loss));
        shipments.put(after.id(), after);
        relay.relay(before, update.announcements());
    }

    @Override
    public void keepUnattached(Carrier carrier, TrackingNumber trackingNumber, Collection<Scan> scans,
                               java.util.Set<io.trackline.domain.tracking.ScanKey> implausible) {
        var kept = unattached.computeIfAbsent(carrier.code() + '#' + trackingNumber.value(), k -> new ConcurrentHashMap<>());
        scans.forEach(s -> kept.putIfAbsent(s.key(), new TrackedScan(s, false, implausible.contains(s.key()))));
    }

    @Override
    public List<TrackedScan> unattachedScans(Carrier carrier, TrackingNumber trackingNumber) {
        return List.copyOf(unattached.getOrDefault(carrier.code() + '#' + trackingNumber.value(), Map.of()).values());
    }

    /** Nothing to store: {@link #due} computes every shipment's next check exactly. */
    @Override
    public void reschedule(Shipment shipment) {
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return shipments.values().stream()
                .filter(s -> s.nextCheckAt(policy).filter(at -> !at.isAfter(now)).isPresent())
                .map(Shipment::id).sorted().limit(limit).toList();
    }

    /** The stored history, oldest first. */
    public List<TrackedScan> history(String shipmentId) {
        List<TrackedScan> all = new ArrayList<>(histories.getOrDefault(shipmentId, Map.of()).values());
        all.sort(Comparator.comparing((TrackedScan t) -> t.scan().occurredAt().toInstant()).thenComparing(t -> t.scan().key().value()));
        return all;
    }

    public Collection<SuspectedLoss> cases() {
        return cases.values();
    }

    /** The announcements of the shipment's last write. */
    public List<Announcement> outbox(String shipmentId) {
        return outboxes.getOrDefault(shipmentId, List.of());
    }
}
