package io.trackline.relay.adapter.streams;

import io.trackline.domain.shipment.Announcement;
import io.trackline.engine.dynamodb.StreamedOutbox;
import io.trackline.relay.application.StreamChange;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.util.List;

/** A record read back from the stream with GetRecords (the replay of what Lambda gave up). */
record ReadBackChange(Record record) implements StreamChange {
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
