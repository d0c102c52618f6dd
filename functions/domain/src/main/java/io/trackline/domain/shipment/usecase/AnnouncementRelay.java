package io.trackline.domain.shipment.usecase;

import io.trackline.domain.shipment.Announcement;
import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.ShipmentUpdate;
import io.trackline.domain.shipment.port.Announcer;
import io.trackline.domain.shipment.port.Shipments;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The publishing half of the transactional outbox: after an update commits, publish its announcements and clear them
 * from the outbox; before touching a shipment, publish whatever a crash left pending. A crash after publishing but
 * before clearing publishes again with the same id, which subscribers deduplicate.
 */
public final class AnnouncementRelay {
    private final Shipments shipments;
    private final Announcer announcer;

    public AnnouncementRelay(Shipments shipments, Announcer announcer) {
        this.shipments = shipments;
        this.announcer = announcer;
    }

    /** Publishes what earlier, interrupted work left in the shipment's outbox. */
    public void relayPending(Shipment shipment) {
        if (shipment.outbox().isEmpty()) return;
        publish(shipment.id(), shipments.pending(shipment.id(), shipment.outbox()));
    }

    /** Publishes a committed update's announcements. */
    public void relay(ShipmentUpdate update) {
        publish(update.after().id(), update.announcements());
    }

    private void publish(String shipmentId, List<Announcement> announcements) {
        if (announcements.isEmpty()) return;
        Set<String> done = new LinkedHashSet<>();
        for (Announcement announcement : announcements) {
            announcer.announce(announcement);
            done.add(announcement.id());
        }
        shipments.announced(shipmentId, done);
    }
}
