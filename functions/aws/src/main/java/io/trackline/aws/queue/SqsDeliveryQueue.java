package io.trackline.aws.queue;

import io.trackline.domain.webhooks.Delivery;
import io.trackline.domain.webhooks.port.DeliveryQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The webhook delivery queue (WebhookDeliveryQueue): one message per delivery, sent ten to a call. */
public final class SqsDeliveryQueue implements DeliveryQueue {
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public SqsDeliveryQueue(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    /** @throws IllegalStateException when SQS refused any of them (the caller retries: a delivery may then go twice, same {@code webhook-id}) */
    @Override
    public void enqueue(List<Delivery> deliveries) {
        Instant now = clock.instant();
        for (int from = 0; from < deliveries.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<Delivery> chunk = deliveries.subList(from, Math.min(deliveries.size(), from + BATCH));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(WebhookDeliveryCodec.encode(chunk.get(i), now)).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused " + response.failed().size() + " deliveries: "
                        + response.failed().getFirst().code());
            }
        }
    }
}
