package io.trackline.relay.application;

import io.trackline.domain.shipment.Announcement;
import io.trackline.domain.shipment.usecase.AnnouncementRelay;

import java.util.ArrayList;
import java.util.List;

/**
 * A shard's changes through the outbox relay in stream order: publishes what each write added to the outbox and stops
 * at the first change that fails, so no later change of the shard goes out ahead of it. The relay function runs each
 * batch Lambda hands it through this; the replay command runs the records Lambda gave up.
 */
public final class OrderedRelay {
    private final AnnouncementRelay relay;

    public OrderedRelay(AnnouncementRelay relay) {
        this.relay = relay;
    }

    /**
     * @param relayed   how many changes were relayed whole
     * @param published ids of the announcements published, in order
     * @param failed    the change that failed (nothing after it was attempted), or null when every change was relayed
     * @param error     why it failed, or null
     */
    public record Outcome(int relayed, List<String> published, StreamChange failed, RuntimeException error) {
        public boolean complete() {
            return failed == null;
        }
    }

    public Outcome relay(List<StreamChange> changes) {
        List<String> published = new ArrayList<>();
        int relayed = 0;
        for (StreamChange change : changes) {
            try {
                relay.publish(change.before(), change.after()).stream().map(Announcement::id).forEach(published::add);
            } catch (RuntimeException e) {
                return new Outcome(relayed, List.copyOf(published), change, e);
            }
            relayed++;
        }
        return new Outcome(relayed, List.copyOf(published), null, null);
    }
}
