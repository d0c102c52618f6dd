package io.trackline.aws.dynamo;

import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.aws.sns.SupportMessage;
import io.trackline.domain.shipment.Announcement;
import io.trackline.domain.shipment.Registration;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * An outbox item {@code OUTBOX#<announcementId>} under its shipment: what to publish, exactly as it will be published.
 * {@code OUTBOX#} sorts just before {@code SHIPMENT}, so the one consistent query that reads a shipment also shows what
 * is still unpublished, and clearing it needs no shipment write. It has no index keys: no index copy to write or delete.
 */
final class OutboxItem {
    private OutboxItem() {
    }

    static Map<String, AttributeValue> of(Registration shipment, Announcement announcement, Instant now) {
        return Attributes.item()
                .s(TrackingTable.PK, TrackingTable.shipmentPk(shipment.id()))
                .s(TrackingTable.SK, TrackingTable.OUTBOX_PREFIX + announcement.id())
                .s("kind", announcement.event() != null ? "EVENT" : "CASE")
                .s("body", announcement.event() != null ? ShipmentEventCodec.encode(announcement.event())
                        : SupportMessage.encode(announcement.suspectedLoss()))
                .s("createdAt", now)
                .build();
    }

    static Announcement announcement(Map<String, AttributeValue> item) {
        String body = Attributes.stringOrNull(item, "body");
        return "EVENT".equals(Attributes.stringOrNull(item, "kind"))
                ? Announcement.of(ShipmentEventCodec.decode(body))
                : Announcement.of(SupportMessage.decode(body));
    }
}
