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
 * It carries GSI1 keys next to its shipment's ({@code TRACK#…} / {@code OUTBOX#<shipmentId>#<id>}), so the one query
 * that loads a package's shipments also shows what is still unpublished, and clearing it needs no shipment write.
 */
final class OutboxItem {
    private OutboxItem() {
    }

    static Map<String, AttributeValue> of(Registration shipment, Announcement announcement, Instant now) {
        return Attributes.item()
                .s(TrackingTable.PK, TrackingTable.shipmentPk(shipment.id()))
                .s(TrackingTable.SK, TrackingTable.OUTBOX_PREFIX + announcement.id())
                .s("GSI1PK", TrackingTable.trackPk(shipment.carrier(), shipment.trackingNumber()))
                .s("GSI1SK", gsi1Sk(shipment.id(), announcement.id()))
                .s("kind", announcement.event() != null ? "EVENT" : "CASE")
                .s("body", announcement.event() != null ? ShipmentEventCodec.encode(announcement.event())
                        : SupportMessage.encode(announcement.suspectedLoss()))
                .s("createdAt", now)
                .build();
    }

    static String gsi1Sk(String shipmentId, String announcementId) {
        return TrackingTable.OUTBOX_PREFIX + shipmentId + '#' + announcementId;
    }

    /** The shipment id and announcement id of an outbox item's GSI1 sort key. */
    static String[] ids(String gsi1Sk) {
        String rest = gsi1Sk.substring(TrackingTable.OUTBOX_PREFIX.length());
        int hash = rest.indexOf('#');
        return new String[]{rest.substring(0, hash), rest.substring(hash + 1)};
    }

    static Announcement announcement(Map<String, AttributeValue> item) {
        String body = Attributes.stringOrNull(item, "body");
        return "EVENT".equals(Attributes.stringOrNull(item, "kind"))
                ? Announcement.of(ShipmentEventCodec.decode(body))
                : Announcement.of(SupportMessage.decode(body));
    }
}
