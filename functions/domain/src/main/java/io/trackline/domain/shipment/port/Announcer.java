package io.trackline.domain.shipment.port;

import io.trackline.domain.shipment.Announcement;

/** Publishes announcements: shipment events to their subscribers, suspected-loss cases to support. */
public interface Announcer {
    void announce(Announcement announcement);
}
