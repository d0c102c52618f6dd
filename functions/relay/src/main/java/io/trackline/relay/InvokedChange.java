package io.trackline.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.trackline.domain.shipment.Announcement;
import io.trackline.engine.dynamodb.StreamedOutbox;
import io.trackline.relay.application.StreamChange;

import java.util.List;

/** A record of the batch Lambda invoked the relay with. */
record InvokedChange(DynamodbEvent.DynamodbStreamRecord record) implements StreamChange {
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
