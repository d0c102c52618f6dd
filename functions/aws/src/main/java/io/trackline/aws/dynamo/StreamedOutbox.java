package io.trackline.aws.dynamo;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.trackline.domain.shipment.Announcement;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * The shipment item's outbox ({@link OutboxItem}) as a table-stream record shows it before and after the write, read
 * from the Lambda event's own attribute types, so the relay needs no DynamoDB client.
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

    private static List<Announcement> announcements(Map<String, AttributeValue> image) {
        AttributeValue outbox = image == null ? null : image.get(OutboxItem.ATTRIBUTE);
        if (outbox == null || outbox.getBS() == null) return List.of();
        return outbox.getBS().stream().map(entry -> OutboxItem.announcement(bytes(entry))).toList();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
