package io.trackline.notifier.application;

import io.trackline.domain.alerts.PhoneNumber;

/** Port: the SMS service's own opt-out list (numbers that replied STOP to it, or were opted out by the carrier). */
public interface SmsOptOuts {
    boolean isOptedOut(PhoneNumber phone);
}
