package io.trackline.api.application.tracking;

/** One SMS or email decision of the notifier; {@code to} is stored masked. */
public record NotificationRecord(String id, String channel, String trigger, String state, String reason, String to,
                                 String createdAt) {
}
