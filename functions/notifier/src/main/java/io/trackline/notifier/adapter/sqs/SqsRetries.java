package io.trackline.notifier.adapter.sqs;

import io.trackline.aws.queue.Visibility;
import io.trackline.notifier.application.AlertRequest;
import io.trackline.notifier.application.Retries;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Defers a message's next receive with {@code ChangeMessageVisibility} on its receipt handle, so a message that found
 * a live claim is not received (and its receive count not raised) again until the claim's lease has ended
 * ({@link io.trackline.notifier.MessageLifetime}). A message without a receipt handle is left as it is.
 */
public final class SqsRetries implements Retries {
    /** One second past the lease, so the next receive finds it expired despite clock skew. */
    static final Duration MARGIN = Duration.ofSeconds(1);

    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public SqsRetries(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    @Override
    public void notBefore(AlertRequest request, Instant notBefore) {
        if (request.receiptHandle().isEmpty()) return;
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(request.receiptHandle().get())
                .visibilityTimeout(Visibility.secondsUntil(clock.instant(), notBefore.plus(MARGIN))));
    }
}
