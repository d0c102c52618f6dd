package io.trackline.engine.dynamodb;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.trackline.domain.shipment.Announcement;
import software.amazon.awssdk.core.SdkBytes;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * The shipment item's outbox ({@link OutboxItem}) as a table-stream record shows it before and after the write: from
 * the Lambda event's own attribute types (the relay function, which needs no DynamoDB client), or from the SDK's
 * DynamoDB Streams records (the replay of records the relay gave up, read with GetRecords).
 */
public final class StreamedOutbox {
    private StreamedOutbox() {
    }

    /** The outbox the previous write left (empty for a new item). */
    public static List<Announcement> before(StreamRecord change) {
        return announcements(change.getOldImage());
    }

    /** The outbox this write left (empty for a delete). */
    public static List<Announcement> after(StreamRecord change) {
        return announcements(change.getNewImage());
    }

    /** The outbox the previous write left (empty for a new item), from GetRecords. */
    public static List<Announcement> before(software.amazon.awssdk.services.dynamodb.model.StreamRecord change) {
        return change.hasOldImage() ? sdkAnnouncements(change.oldImage()) : List.of();
    }

    /** The outbox this write left (empty for a delete), from GetRecords. */
    public static List<Announcement> after(software.amazon.awssdk.services.dynamodb.model.StreamRecord change) {
        return change.hasNewImage() ? sdkAnnouncements(change.newImage()) : List.of();
    }

    private static List<Announcement> announcements(Map<String, AttributeValue> image) {
        AttributeValue outbox = image == null ? null : image.get(OutboxItem.ATTRIBUTE);
        if (outbox == null || outbox.getBS() == null) return List.of();
        return outbox.getBS().stream().map(entry -> OutboxItem.announcement(bytes(entry))).toList();
    }

    private static List<Announcement> sdkAnnouncements(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
        var outbox = image.get(OutboxItem.ATTRIBUTE);
        if (outbox == null || !outbox.hasBs()) return List.of();
        return outbox.bs().stream().map(SdkBytes::asByteArray).map(OutboxItem::announcement).toList();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
