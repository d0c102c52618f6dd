package io.trackline.webhook.application;

/**
 * The queue or the secret store did not answer in time: the sender should retry later (503). A send that timed out may
 * still have landed (ReconciliationIT saw it); the retry is safe, as the engine stores each scan once.
 */
public final class DependencyUnavailable extends RuntimeException {
    public DependencyUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
