package io.trackline.api.adapter.dynamodb;

import io.trackline.api.application.tracking.Address;
import io.trackline.api.application.tracking.AddressChange;
import io.trackline.api.application.tracking.Contact;
import io.trackline.api.application.tracking.Eta;
import io.trackline.api.application.tracking.NotificationRecord;
import io.trackline.api.application.tracking.TrackedShipment;
import io.trackline.api.application.tracking.TrackingEvent;
import io.trackline.engine.dynamodb.NotificationItem;
import io.trackline.engine.dynamodb.ScanItem;
import io.trackline.engine.dynamodb.ShipmentItem;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.trackline.api.adapter.dynamodb.Items.read;
import static io.trackline.engine.dynamodb.ShipmentItem.named;

/** Shipment, scan and notification items as the API shows them, each read through its codec in the engine. */
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

    /** A scan item, read through the engine's codec ({@link ScanItem#view}). */
    public static TrackingEvent event(Map<String, AttributeValue> item) {
        ScanItem.View scan = ScanItem.view(item);
        return new TrackingEvent(scan.scanKey(), named(Status.class, scan.status(), Status.UNKNOWN),
                OffsetDateTime.parse(scan.occurredAt()), scan.description(), scan.location(), scan.source(),
                scan.rawStatus(), named(ExceptionReason.class, scan.exceptionReason(), null),
                scan.postTerminal(), scan.implausibleTime());
    }

    /** A notification item, read through the engine's codec ({@link NotificationItem#view}). */
    public static NotificationRecord notification(Map<String, AttributeValue> item) {
        NotificationItem.View n = NotificationItem.view(item);
        return new NotificationRecord(n.id(), n.channel(), n.trigger(), n.state(), n.reason(), n.to(), n.createdAt());
    }
}
