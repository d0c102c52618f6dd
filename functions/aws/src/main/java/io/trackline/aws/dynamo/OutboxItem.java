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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The outbox lives in the shipment item: attribute {@code outbox} holds the announcements of the item's last engine
 * write, set (or removed) by that same write, so a state change and its announcements are one single-item write. The
 * table's stream carries each write's old and new image; the relay publishes the entries the new image has and the old
 * one has not (README "Exactly once"). Nothing ever clears an entry: the next save replaces or removes them.
 * <p>
 * A binary set, one entry per announcement: a kind byte ({@code E} shipment event, {@code C} case) and the gzipped body
 * exactly as it will be published. A set of leaf values rather than a map keyed by id, because a Lambda event filter's
 * {@code exists} matches leaves only; gzipped because every byte is billed on this write and on the next.
 */
public final class OutboxItem {
    public static final String ATTRIBUTE = "outbox";
    private static final byte EVENT = 'E';
    private static final byte CASE = 'C';

    private OutboxItem() {
    }

    /** The attribute for a write's announcements; empty when it has none (the write removes the attribute). */
    static Optional<AttributeValue> of(List<Announcement> announcements) {
        if (announcements.isEmpty()) return Optional.empty();
        return Optional.of(AttributeValue.fromBs(announcements.stream().map(a -> SdkBytes.fromByteArray(entry(a))).toList()));
    }

    public static byte[] entry(Announcement announcement) {
        boolean event = announcement.event() != null;
        byte[] body = gzip(event ? ShipmentEventCodec.encode(announcement.event())
                : SupportMessage.encode(announcement.suspectedLoss()));
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
        String body = gunzip(Arrays.copyOfRange(entry, 1, entry.length));
        return entry[0] == EVENT ? Announcement.of(ShipmentEventCodec.decode(body))
                : Announcement.of(SupportMessage.decode(body));
    }

    private static byte[] gzip(String text) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] gzipped) {
        try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("outbox entry is not gzip: " + e.getMessage(), e);
        }
    }
}
