package io.trackline.api.application.tracking;

import io.trackline.api.application.Refusal;

import java.util.Map;
import java.util.Optional;

/** Every SMS/email decision about a shipment, for the tenant that owns it. */
public final class NotificationHistory {
    private final TrackingQueries queries;

    public NotificationHistory(TrackingQueries queries) {
        this.queries = queries;
    }

    /** @param after a position from a cursor this tenant was given for this shipment, which already proved access */
    public Page<NotificationRecord> of(String tenantId, String shipmentId, int limit, Optional<Map<String, String>> after) {
        var result = queries.notifications(shipmentId, limit, after);
        if (after.isEmpty() && result.shipment().filter(s -> s.belongsTo(tenantId)).isEmpty()) throw Refusal.notFound();
        return result.page();
    }
}
