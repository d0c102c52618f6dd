package io.trackline.notifier.application;

import io.trackline.domain.alerts.PhoneNumber;

/** Port: sends one SMS; returns the service's message id. */
public interface SmsSender {
    /**
     * @throws RejectedMessage when the service refuses this message for good (retrying cannot help)
     */
    String send(PhoneNumber to, String text);
}
