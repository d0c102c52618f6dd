package io.trackline.notifier.application;

/** The SMS or email service refused a message for good: retrying the same message cannot succeed. */
public final class RejectedMessage extends RuntimeException {
    public RejectedMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
