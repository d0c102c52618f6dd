package io.trackline.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.trackline.engine.dynamodb.StreamedOutbox;
import io.trackline.domain.shipment.Announcement;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.util.List;

/**
 * One write of the table as its stream record shows it: which record, and the item's outbox before and after the write.
 * The outbox is decoded when asked, so an entry that cannot be decoded fails its own record, not the batch's reading.
 */
public sealed interface StreamChange {
    String eventId();

    String sequenceNumber();

    List<Announcement> before();

    List<Announcement> after();

    /** A record of the batch Lambda invoked the relay with. */
    static StreamChange of(DynamodbEvent.DynamodbStreamRecord record) {
        return new Invoked(record);
    }

    /** A record read back from the stream with GetRecords (the replay of what Lambda gave up). */
    static StreamChange of(Record record) {
        return new ReadBack(record);
    }

    record Invoked(DynamodbEvent.DynamodbStreamRecord record) implements StreamChange {
        public String eventId() {
            return record.getEventID();
        }

        public String sequenceNumber() {
            return record.getDynamodb().getSequenceNumber();
        }

        public List<Announcement> before() {
            return StreamedOutbox.before(record.getDynamodb());
        }

        public List<Announcement> after() {
            return StreamedOutbox.after(record.getDynamodb());
        }
    }

    record ReadBack(Record record) implements StreamChange {
        public String eventId() {
            return record.eventID();
        }

        public String sequenceNumber() {
            return record.dynamodb().sequenceNumber();
        }

        public List<Announcement> before() {
            return StreamedOutbox.before(record.dynamodb());
        }

        public List<Announcement> after() {
            return StreamedOutbox.after(record.dynamodb());
        }
    }
}
