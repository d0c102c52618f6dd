package io.trackline.domain.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do about one alert on one channel: send it, suppress it (with why), or hold it until quiet hours end.
 *
 * @param onceKey for alerts that go out once per shipment and cause (an exception reason, a slip of the estimate), the
 *                key that the sender must claim atomically, so two different events cannot both send it
 */
public record NotificationDecision(Outcome outcome, Suppression reason, Instant holdUntil, String onceKey) {
    public enum Outcome { SEND, SUPPRESS, HOLD }

    public NotificationDecision {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.SUPPRESS) Objects.requireNonNull(reason, "reason");
        if (outcome == Outcome.HOLD) Objects.requireNonNull(holdUntil, "holdUntil");
    }

    public static NotificationDecision send(String onceKey) {
        return new NotificationDecision(Outcome.SEND, null, null, onceKey);
    }

    public static NotificationDecision suppress(Suppression reason) {
        return new NotificationDecision(Outcome.SUPPRESS, reason, null, null);
    }

    public static NotificationDecision hold(Instant until) {
        return new NotificationDecision(Outcome.HOLD, null, until, null);
    }

    public Optional<String> once() {
        return Optional.ofNullable(onceKey);
    }
}
