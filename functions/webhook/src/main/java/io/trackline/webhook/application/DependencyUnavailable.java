package io.trackline.webhook.application;

/** The queue or the secret store cannot be reached: the sender should retry later (503), nothing was accepted. */
public final class DependencyUnavailable extends RuntimeException {
    public DependencyUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
