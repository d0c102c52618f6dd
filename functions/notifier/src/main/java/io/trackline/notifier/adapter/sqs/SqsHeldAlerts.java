package io.trackline.notifier.adapter.sqs;

import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.domain.alerts.Channel;
import io.trackline.notifier.application.AlertRequest;
import io.trackline.notifier.application.HeldAlerts;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Holds an alert by sending the same event back to the notification queue with a delay: at most 15 minutes (the SQS
 * limit), so a held alert comes back several times a night, is held again while quiet hours last, and is sent after.
 * The copy carries the channel and when it was first held ({@link #HELD_CHANNEL}, {@link #HELD_SINCE}). Nothing is
 * stored that a scheduler must find again; if the function crashes after sending the copy, the original comes back
 * too, and the ledger lets only one of them send.
 */
public final class SqsHeldAlerts implements HeldAlerts {
    public static final String HELD_CHANNEL = "heldChannel";
    public static final String HELD_SINCE = "heldSince";
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public SqsHeldAlerts(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    @Override
    public void holdUntil(AlertRequest request, Channel channel, Instant until, Instant heldSince) {
        long seconds = Math.max(0, Math.min(MAX_DELAY.toSeconds(), Duration.between(clock.instant(), until).toSeconds() + 1));
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(ShipmentEventCodec.encode(request.event()))
                .delaySeconds((int) seconds)
                .messageAttributes(Map.of(
                        HELD_CHANNEL, string(channel.name()),
                        HELD_SINCE, string(heldSince.toString()))));
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
