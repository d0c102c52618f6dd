package io.trackline.notifier.application;

import io.trackline.domain.alerts.PhoneNumber;

import java.time.Instant;

/** Port: numbers that told us STOP, kept by us so the policy sees them even before the SMS service's list does. */
public interface StopList {
    void stop(PhoneNumber phone, Instant at);

    void start(PhoneNumber phone);
}
