package io.trackline.engine.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Why a queue message failed, {@code FAILED#<messageId>} / {@code FAILED}: SQS moves a message to its DLQ with the same
 * message id but cannot carry a reason, so the processor keeps it here (at most {@link #MAX_REASON} characters) for the
 * redrive command to print beside the message.
 */
public final class FailedMessageItem {
    public static final int MAX_REASON = 1000;

    private FailedMessageItem() {
    }

    public static Map<String, AttributeValue> of(String messageId, String reason, int receiveCount, Instant failedAt,
                                                 Instant expiresAt) {
        return Attributes.item()
                .putAll(TrackingTable.failedMessageKey(messageId))
                .s("messageId", messageId)
                .s("reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
                .n("receiveCount", receiveCount)
                .s("failedAt", failedAt)
                .n("expiresAt", expiresAt.getEpochSecond())
                .build();
    }

    public static Optional<String> reason(Map<String, AttributeValue> item) {
        return Attributes.string(item, "reason");
    }
}
