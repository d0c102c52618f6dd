package io.trackline.notifier.application;

import io.trackline.domain.alerts.Trigger;

/**
 * A notification as recorded: the ledger gives it its id and {@code createdAt} (kept when a held one is sent later).
 *
 * @param to      masked address, e.g. {@code +1*******23} or {@code j***@example.com}
 * @param onceKey the policy's once-key, if the alert has one, so later decisions can see it was sent
 */
public record Notification(NotificationKey key, Trigger trigger, NotificationState state, String reason, String to,
                           String onceKey) {
    public Notification withOutcome(NotificationState newState, String newReason) {
        return new Notification(key, trigger, newState, newReason, to, onceKey);
    }
}
