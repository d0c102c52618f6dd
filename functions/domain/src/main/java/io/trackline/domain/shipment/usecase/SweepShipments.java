package io.trackline.domain.shipment.usecase;

import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.ShipmentUpdate;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.port.ConcurrentUpdateException;
import io.trackline.domain.shipment.port.Shipments;

import java.time.Clock;
import java.time.Instant;

/** The sweeper's use case (PRODUCT.md §6): look at the shipments that are due and announce what time has revealed. */
public final class SweepShipments {
    private final Shipments shipments;
    private final TrackingPolicy policy;
    private final Clock clock;

    public SweepShipments(Shipments shipments, TrackingPolicy policy, Clock clock) {
        this.shipments = shipments;
        this.policy = policy;
        this.clock = clock;
    }

    public record Result(int checked, int changed, int announcements) {
    }

    public Result sweep(int limit) {
        Instant now = clock.instant();
        int checked = 0;
        int changed = 0;
        int announcements = 0;
        for (String id : shipments.due(now, limit)) {
            checked++;
            ShipmentUpdate update = check(id, now);
            if (update != null) {
                changed++;
                announcements += update.announcements().size();
            }
        }
        return new Result(checked, changed, announcements);
    }

    /**
     * @return the stored update, or {@code null} when nothing changed (a scan arrived since the index was read, or the
     * shipment was indexed earlier than needed): then it is re-indexed at its next check
     */
    private ShipmentUpdate check(String id, Instant now) {
        for (int attempt = 1; ; attempt++) {
            Shipment shipment = shipments.byId(id).orElse(null);
            if (shipment == null) return null;
            ShipmentUpdate update = shipment.check(now, policy);
            if (!update.changed()) {
                shipments.reschedule(shipment);
                return null;
            }
            try {
                shipments.save(update);
                return update;
            } catch (ConcurrentUpdateException e) {
                if (attempt == TrackScans.MAX_ATTEMPTS) throw e;
                TrackScans.backOff(attempt);
            }
        }
    }
}
