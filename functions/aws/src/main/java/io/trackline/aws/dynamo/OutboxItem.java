package io.trackline.aws.dynamo;

import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.aws.sns.SupportMessage;
import io.trackline.domain.shipment.Announcement;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The outbox lives in the shipment item: one attribute {@code OUTBOX#<announcementId>} = {@code {kind, body,
 * createdAt}} per announcement not yet confirmed published, {@code body} exactly what will be published, gzipped
 * (binary): the item is billed per started KB on the save that sets the entry and on the one that clears it. The state
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
                .put("body", AttributeValue.fromB(SdkBytes.fromByteArray(gzip(announcement.event() != null
                        ? ShipmentEventCodec.encode(announcement.event())
                        : SupportMessage.encode(announcement.suspectedLoss())))))
                .s("createdAt", now)
                .build());
    }

    /** Ids of the announcements pending in a shipment item. */
    static Set<String> ids(Map<String, AttributeValue> shipmentItem) {
        return shipmentItem.keySet().stream().filter(name -> name.startsWith(TrackingTable.OUTBOX_PREFIX))
                .map(name -> name.substring(TrackingTable.OUTBOX_PREFIX.length())).collect(Collectors.toSet());
    }

    static Announcement announcement(AttributeValue entry) {
        String body = gunzip(entry.m().get("body").b().asByteArray());
        return "EVENT".equals(Attributes.stringOrNull(entry.m(), "kind"))
                ? Announcement.of(ShipmentEventCodec.decode(body))
                : Announcement.of(SupportMessage.decode(body));
    }

    private static byte[] gzip(String text) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] gzipped) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
