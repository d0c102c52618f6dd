package io.trackline.engine.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

import static io.trackline.engine.dynamodb.Attributes.stringOrNull;

/**
 * The notifier's exactly-once ledger around a {@link NotificationItem}: the claim of one event's alert on one channel,
 * {@code NOTIFY#<eventId>#<channel>} / {@code CLAIM}, whose every write is conditional on the {@link #TOKEN} it last
 * saw; and the once-key guard {@code NOTIFY#<shipmentId>#<onceKey>#<channel>} / {@code ONCE}, taken with the first send
 * (again by the same event only).
 */
public final class NotificationClaimItem {
    /** The attribute every conditional write of a claim compares. */
    public static final String TOKEN = "token";
    public static final String STATE = "state";
    public static final String LEASE_UNTIL = "leaseUntil";
    public static final String MESSAGE_ID = "messageId";
    /** The attribute a once-key guard compares: the event that took it. */
    public static final String EVENT_ID = "eventId";

    private NotificationClaimItem() {
    }

    /**
     * @param state          the notification's state by name ({@code CLAIMED} while a sender holds it)
     * @param leaseUntil     epoch milliseconds until which a {@code CLAIMED} sender holds it
     * @param notificationId the notification item's id, fixed by the first decision
     * @param createdAt      the notification item's creation time, fixed with it
     */
    public record Claim(String state, String token, long leaseUntil, String notificationId, Instant createdAt) {
    }

    public static Map<String, AttributeValue> of(String eventId, String channel, String shipmentId, Claim claim,
                                                 Instant expiresAt) {
        return Attributes.item()
                .putAll(TrackingTable.notificationClaimKey(eventId, channel))
                .s(STATE, claim.state())
                .s(TOKEN, claim.token())
                .n(LEASE_UNTIL, claim.leaseUntil())
                .s("notificationId", claim.notificationId())
                .s("createdAt", claim.createdAt())
                .s("shipmentId", shipmentId)
                .n("expiresAt", expiresAt.getEpochSecond())
                .build();
    }

    public static Claim view(Map<String, AttributeValue> item) {
        String createdAt = stringOrNull(item, "createdAt");
        return new Claim(stringOrNull(item, STATE), stringOrNull(item, TOKEN), Attributes.number(item, LEASE_UNTIL),
                stringOrNull(item, "notificationId"), createdAt == null ? null : Instant.parse(createdAt));
    }

    public static Map<String, AttributeValue> onceGuard(String shipmentId, String onceKey, String channel, String eventId,
                                                        Instant expiresAt) {
        return Attributes.item()
                .putAll(TrackingTable.alertOnceKey(shipmentId, onceKey, channel))
                .s(EVENT_ID, eventId)
                .n("expiresAt", expiresAt.getEpochSecond())
                .build();
    }
}
