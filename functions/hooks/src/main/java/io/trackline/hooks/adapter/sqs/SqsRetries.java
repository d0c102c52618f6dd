package io.trackline.hooks.adapter.sqs;

import io.trackline.aws.queue.Visibility;
import io.trackline.hooks.application.DeliveryRequest;
import io.trackline.hooks.application.Retries;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Instant;

/**
 * Defers a failed delivery's next receive with {@code ChangeMessageVisibility} on its receipt handle (at most 12 hours
 * at a time, SQS's limit; the schedule never asks for more). The handler then reports it failed, and Lambda leaves it
 * in the queue until then.
 */
public final class SqsRetries implements Retries {
    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public SqsRetries(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    @Override
    public void notBefore(DeliveryRequest request, Instant at) {
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(request.receiptHandle())
                .visibilityTimeout(Visibility.secondsUntil(clock.instant(), at)));
    }
}
