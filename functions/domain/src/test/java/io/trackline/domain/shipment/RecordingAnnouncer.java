package io.trackline.domain.shipment;

import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.port.Announcer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what was announced, in order, so tests can count events. */
public final class RecordingAnnouncer implements Announcer {
    private final List<Announcement> announced = new CopyOnWriteArrayList<>();

    @Override
    public void announce(Announcement announcement) {
        announced.add(announcement);
    }

    public List<ShipmentEvent> events() {
        return announced.stream().filter(a -> a.event() != null).map(Announcement::event).toList();
    }

    public List<Trigger> triggers() {
        return events().stream().map(ShipmentEvent::trigger).toList();
    }

    public List<SuspectedLoss> cases() {
        return announced.stream().filter(a -> a.suspectedLoss() != null).map(Announcement::suspectedLoss).toList();
    }
}
