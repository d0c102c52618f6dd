package io.trackline.domain.shipment.usecase;

import io.trackline.domain.shipment.Announcement;
import io.trackline.domain.shipment.port.Announcer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The publishing half of the transactional outbox, driven by the store's change stream: each committed write of a
 * shipment carries the announcements of that write; the ones the shipment's previous write did not carry are new and
 * are published, in order. A redelivered change (the stream retries from a failed record) publishes again with the
 * same ids, which subscribers deduplicate; a write that leaves the outbox as it was publishes nothing.
 */
public final class AnnouncementRelay {
    private final Announcer announcer;

    public AnnouncementRelay(Announcer announcer) {
        this.announcer = announcer;
    }

    /**
     * @param before the outbox as the previous write left it (empty for a new shipment)
     * @param after  the outbox as this write left it
     * @return how many announcements were published
     */
    public int relay(Collection<Announcement> before, Collection<Announcement> after) {
        return publish(before, after).size();
    }

    /**
     * As {@link #relay}, for callers that report what went out (the replay of given-up stream records).
     *
     * @return the announcements published, in order
     */
    public List<Announcement> publish(Collection<Announcement> before, Collection<Announcement> after) {
        List<Announcement> added = added(before, after);
        added.forEach(announcer::announce);
        return added;
    }

    static List<Announcement> added(Collection<Announcement> before, Collection<Announcement> after) {
        Set<String> old = before.stream().map(Announcement::id).collect(Collectors.toSet());
        return after.stream().filter(a -> !old.contains(a.id())).toList();
    }
}
