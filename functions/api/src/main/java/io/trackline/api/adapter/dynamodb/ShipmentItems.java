package io.trackline.api.adapter.dynamodb;

import io.trackline.api.application.tracking.Address;
import io.trackline.api.application.tracking.AddressChange;
import io.trackline.api.application.tracking.Contact;
import io.trackline.api.application.tracking.Eta;
import io.trackline.api.application.tracking.NotificationRecord;
import io.trackline.api.application.tracking.TrackedShipment;
import io.trackline.api.application.tracking.TrackingEvent;
import io.trackline.engine.dynamodb.ShipmentItem;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.trackline.api.adapter.dynamodb.Items.bool;
import static io.trackline.api.adapter.dynamodb.Items.read;
import static io.trackline.api.adapter.dynamodb.Items.str;

/** Shipment, scan and notification items in the README "Data model" layout, written by the engine and by registration. */
public final class ShipmentItems {
    private ShipmentItems() {
    }

    /**
     * The engine's layout (README "Data model"), read through its codec ({@link ShipmentItem#view}); the nested
     * records (address, contact, the API's own address changes) as stored.
     */
    public static TrackedShipment shipment(Map<String, AttributeValue> item, List<TrackingEvent> events) {
        ShipmentItem.View stored = ShipmentItem.view(item);
        String statusAt = stored.statusOccurredAt();
        return new TrackedShipment(stored.id(), stored.tenantId(), stored.orderId(), stored.customerId(),
                stored.carrier().code(), stored.trackingNumber().value(),
                stored.service(),
                named(Status.class, stored.status(), Status.UNKNOWN),
                named(Milestone.class, stored.milestone(), null),
                named(ExceptionReason.class, stored.exceptionReason(), null),
                stored.actionRequired(), stored.delayed(), stored.terminal(),
                statusAt == null ? null : OffsetDateTime.parse(statusAt),
                eta(stored.eta()),
                read(item, "deliveryAddress", Address.class).orElse(null),
                read(item, "contact", Contact.class).orElse(null),
                stored.createdAt(),
                stored.version(),
                read(item, "addressChanges", AddressChange[].class).map(Arrays::asList).orElse(List.of()),
                events);
    }

    /** The shipment id, from the table key (the item stores it nowhere else). */
    public static String id(Map<String, AttributeValue> shipmentItem) {
        return ShipmentItem.view(shipmentItem).id();
    }

    private static Eta eta(io.trackline.domain.shipment.Eta eta) {
        return new Eta(eta.promised(), eta.first() == null ? null : eta.first().date(),
                eta.latest() == null ? null : eta.latest().date(),
                eta.history().stream().map(e -> new Eta.Estimate(e.date(), e.reportedAt())).toList());
    }

    public static TrackingEvent event(Map<String, AttributeValue> item) {
        return new TrackingEvent(str(item, "scanKey"), named(Status.class, str(item, "status"), Status.UNKNOWN),
                OffsetDateTime.parse(str(item, "occurredAt")), str(item, "description"),
                read(item, "location", Location.class).orElse(Location.UNKNOWN), str(item, "source"),
                str(item, "rawStatus"), named(ExceptionReason.class, str(item, "exceptionReason"), null),
                bool(item, "postTerminal"), bool(item, "implausibleTime"));
    }

    public static NotificationRecord notification(Map<String, AttributeValue> item) {
        return new NotificationRecord(str(item, "id"), str(item, "channel"), str(item, "trigger"), str(item, "state"),
                str(item, "reason"), str(item, "to"), str(item, "createdAt"));
    }

    /** Unknown names (a status added by a newer engine) read as the fallback instead of failing the whole read. */
    private static <E extends Enum<E>> E named(Class<E> type, String name, E fallback) {
        if (name == null) return fallback;
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
