package io.trackline.notifier;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.List;

/** Hand-built SQS batches for the handler tests. */
final class SqsBatches {
    private SqsBatches() {
    }

    static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }
}
