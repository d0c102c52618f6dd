package io.trackline.domain.shipment;

import io.trackline.domain.alerts.ShipmentEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of a command on a {@link Shipment}: store {@code after} (if {@link #changed()}) on the condition that the
 * stored version is still {@code before.version()}, store {@code newScans}, and publish {@code events} exactly once.
 *
 * @param reflagPostTerminalFrom stored non-terminal scans after this instant are post-terminal now (a late terminal scan)
 * @param suspectedLoss          a case to open
 */
public record ShipmentUpdate(Shipment before, Shipment after, List<TrackedScan> newScans, List<ShipmentEvent> events,
                             Optional<Instant> reflagPostTerminalFrom, Optional<SuspectedLoss> suspectedLoss) {

    public ShipmentUpdate {
        newScans = List.copyOf(newScans);
        events = List.copyOf(events);
    }

    /** Events first, then a case to open: what goes to the outbox with this update. */
    public List<Announcement> announcements() {
        List<Announcement> all = new java.util.ArrayList<>(events.stream().map(Announcement::of).toList());
        suspectedLoss.map(Announcement::of).ifPresent(all::add);
        return all;
    }

    public boolean changed() {
        return after.version() != before.version();
    }
}
