package io.trackline.aws.dynamo;

import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.aws.sns.SupportMessage;
import io.trackline.domain.shipment.Announcement;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outbox lives in the shipment item: one attribute {@code OUTBOX#<announcementId>} = {@code {kind, body,
 * createdAt}} per announcement not yet confirmed published, {@code body} exactly what will be published. The state
 * change and its announcements are therefore one single-item write (atomic, no transaction), the one consistent read of
 * a shipment shows what a crash left unpublished, and clearing an entry removes the attribute without touching
 * {@code version}.
 */
final class OutboxItem {
    private OutboxItem() {
    }

    static String attribute(String announcementId) {
        return TrackingTable.OUTBOX_PREFIX + announcementId;
    }

    static AttributeValue of(Announcement announcement, Instant now) {
        return AttributeValue.fromM(Attributes.item()
                .s("kind", announcement.event() != null ? "EVENT" : "CASE")
                .s("body", announcement.event() != null ? ShipmentEventCodec.encode(announcement.event())
                        : SupportMessage.encode(announcement.suspectedLoss()))
                .s("createdAt", now)
                .build());
    }

    /** Ids of the announcements pending in a shipment item. */
    static Set<String> ids(Map<String, AttributeValue> shipmentItem) {
        return shipmentItem.keySet().stream().filter(name -> name.startsWith(TrackingTable.OUTBOX_PREFIX))
                .map(name -> name.substring(TrackingTable.OUTBOX_PREFIX.length())).collect(Collectors.toSet());
    }

    static Announcement announcement(AttributeValue entry) {
        String body = Attributes.stringOrNull(entry.m(), "body");
        return "EVENT".equals(Attributes.stringOrNull(entry.m(), "kind"))
                ? Announcement.of(ShipmentEventCodec.decode(body))
                : Announcement.of(SupportMessage.decode(body));
    }
}
