package io.trackline.engine.dynamodb;

import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.aws.sns.SupportMessage;
import io.trackline.domain.shipment.Announcement;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The outbox lives in the shipment item: attribute {@code outbox} holds the announcements of the item's last engine
 * write, set (or removed) by that same write, so a state change and its announcements are one single-item write. The
 * table's stream carries each write's old and new image; the relay publishes the entries the new image has and the old
 * one has not (README "Exactly once"). Nothing ever clears an entry: the next save replaces or removes them.
 * <p>
 * A binary set, one entry per announcement: a kind byte, then exactly the body that will be published, raw-deflated
 * with a preset dictionary of the bodies' keys and values. A set of leaf values rather than a map keyed by id, because
 * a Lambda event filter's {@code exists} matches leaves only. Compact because the entry is billed on this write and,
 * in the item's old image, on the next one: an out-for-delivery event takes about 200 bytes (gzip: 390).
 */
public final class OutboxItem {
    public static final String ATTRIBUTE = "outbox";
    /** Kind bytes. A new dictionary needs new kinds: entries written with this one stay in the stream for 24 hours. */
    private static final byte EVENT = 'e';
    private static final byte CASE = 'c';
    /** Keys and frequent values of shipment-event and case bodies; the most frequent last (nearest, cheapest). */
    private static final byte[] DICTIONARY = ("LABEL_CREATED PICKED_UP AVAILABLE_FOR_PICKUP DELIVERY_ATTEMPTED EXCEPTION"
            + " RETURN_TO_SENDER RETURNED LOST DELAYED STALLED SUSPECTED_LOST ADDRESS_ISSUE RECIPIENT_UNAVAILABLE"
            + " CUSTOMS_HOLD CARRIER_DELAY WEATHER_DELAY DAMAGED OTHER {\"caseId\":\"\",\"createdAt\":\"\",\"lastScanAt\":\""
            + " {\"eventId\":\"\",\"trigger\":\"\",\"shipmentId\":\"shp_\",\"tenantId\":\"\",\"orderId\":\"\","
            + "\"customerId\":\"\",\"carrier\":\"\",\"trackingNumber\":\"\",\"status\":\"\",\"previousStatus\":\""
            + "IN_TRANSIT\",\"milestone\":\"OUT_FOR_DELIVERY\",\"exceptionReason\":null,\"actionRequired\":false,"
            + "\"delayed\":false,\"eta\":\"20\",\"description\":\"\",\"location\":{\"city\":\"\",\"region\":\"\","
            + "\"postalCode\":\"\",\"country\":\"US\"},\"occurredAt\":\"20T:00:00Z\",\"publishedAt\":\"20T:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    private OutboxItem() {
    }

    /** The attribute for a write's announcements; empty when it has none (the write removes the attribute). */
    static Optional<AttributeValue> of(List<Announcement> announcements) {
        if (announcements.isEmpty()) return Optional.empty();
        return Optional.of(AttributeValue.fromBs(announcements.stream().map(a -> SdkBytes.fromByteArray(entry(a))).toList()));
    }

    public static byte[] entry(Announcement announcement) {
        boolean event = announcement.event() != null;
        byte[] body = deflate((event ? ShipmentEventCodec.encode(announcement.event())
                : SupportMessage.encode(announcement.suspectedLoss())).getBytes(StandardCharsets.UTF_8));
        byte[] entry = new byte[body.length + 1];
        entry[0] = event ? EVENT : CASE;
        System.arraycopy(body, 0, entry, 1, body.length);
        return entry;
    }

    /** @throws IllegalArgumentException when the entry is not one {@link #entry} wrote */
    public static Announcement announcement(byte[] entry) {
        if (entry.length < 2 || (entry[0] != EVENT && entry[0] != CASE)) {
            throw new IllegalArgumentException("not an outbox entry");
        }
        String body = inflate(Arrays.copyOfRange(entry, 1, entry.length));
        return entry[0] == EVENT ? Announcement.of(ShipmentEventCodec.decodeExactly(body))
                : Announcement.of(SupportMessage.decode(body));
    }

    private static byte[] deflate(byte[] body) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(DICTIONARY);
            deflater.setInput(body);
            deflater.finish();
            var out = new ByteArrayOutputStream(body.length);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARY);
            inflater.setInput(deflated);
            var out = new ByteArrayOutputStream(deflated.length * 3);
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("outbox entry is truncated");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("outbox entry is not deflated: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
