package io.trackline.engine.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

import static io.trackline.engine.dynamodb.Attributes.stringOrNull;

/**
 * A notification item, {@code SHIP#<shipmentId>} / {@code NOTIF#<createdAt>#<id>}: what the notifier decided for one
 * event and channel (written with each decision), and what the API's notification history reads. Channel, trigger and
 * state are stored by name.
 */
public final class NotificationItem {
    private NotificationItem() {
    }

    /**
     * @param reason    why it was suppressed or failed, or null
     * @param onceKey   the once-only guard it was decided under, or null
     * @param messageId the provider's message id once sent, or null
     */
    public record Decision(String shipmentId, String id, Instant createdAt, String eventId, String channel,
                           String trigger, String state, String to, String reason, String onceKey, String messageId) {
    }

    public static Map<String, AttributeValue> of(Decision d, Instant expiresAt) {
        return Attributes.item()
                .s(TrackingTable.PK, TrackingTable.shipmentPk(d.shipmentId()))
                .s(TrackingTable.SK, TrackingTable.notificationSk(d.createdAt().toString(), d.id()))
                .s("id", d.id())
                .s("eventId", d.eventId())
                .s("channel", d.channel())
                .s("trigger", d.trigger())
                .s("state", d.state())
                .s("to", d.to())
                .s("createdAt", d.createdAt())
                .n("expiresAt", expiresAt.getEpochSecond())
                .s("reason", d.reason())
                .s("onceKey", d.onceKey())
                .s("messageId", d.messageId())
                .build();
    }

    /**
     * The stored values a reader shows: names as stored, {@code createdAt} as its ISO-8601 text, and the once-only
     * guard it was decided under, or null.
     */
    public record View(String id, String channel, String trigger, String state, String reason, String to,
                       String createdAt, String onceKey) {
    }

    public static View view(Map<String, AttributeValue> item) {
        return new View(stringOrNull(item, "id"), stringOrNull(item, "channel"), stringOrNull(item, "trigger"),
                stringOrNull(item, "state"), stringOrNull(item, "reason"), stringOrNull(item, "to"),
                stringOrNull(item, "createdAt"), stringOrNull(item, "onceKey"));
    }
}
