package io.trackline.notifier.application;

/** The notification item's {@code state} (README, "Data model"). */
public enum NotificationState {
    SENT, SUPPRESSED, HELD, FAILED
}
