package io.trackline.notifier.application;

import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.domain.alerts.SmsCaps;
import io.trackline.domain.alerts.Suppression;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Port: the exactly-once record of notifications. Each (event, channel) moves through
 * {@code (none) → HELD → CLAIMED → SENT | FAILED}, or to {@code SUPPRESSED}; every move is conditional, so redelivered
 * and concurrent copies of an event cannot decide or send it twice. A {@code CLAIMED} whose lease ran out (its sender
 * crashed before sending) may be claimed again.
 */
public interface NotificationLedger {

    /** Records a decision that sends nothing now ({@code SUPPRESSED} or {@code HELD}). */
    Recorded record(Notification notification, Instant now);

    /** @param liveClaimUntil with {@link Outcome#IN_FLIGHT}: when the other worker's lease ends */
    record Recorded(Outcome outcome, Optional<Instant> liveClaimUntil) {
        public static final Recorded RECORDED = new Recorded(Outcome.RECORDED, Optional.empty());
        public static final Recorded ALREADY_HELD = new Recorded(Outcome.ALREADY_HELD, Optional.empty());
        public static final Recorded ALREADY_DECIDED = new Recorded(Outcome.ALREADY_DECIDED, Optional.empty());

        public static Recorded inFlight(Instant leaseUntil) {
            return new Recorded(Outcome.IN_FLIGHT, Optional.of(leaseUntil));
        }
    }

    enum Outcome {
        RECORDED,
        /** It was held already: bring it back again. */
        ALREADY_HELD,
        /** It was sent, failed or suppressed already: nothing to do. */
        ALREADY_DECIDED,
        /** Another worker holds a live claim on it: try again when its lease ends. */
        IN_FLIGHT
    }

    /**
     * Claims the right to send: with the once-key (if any) and the SMS counters (if any), all or nothing.
     */
    ClaimResult claim(Notification pending, Optional<String> onceKey, Optional<SmsQuota> quota, Instant now);

    void markSent(Claim claim, Notification sent, String messageId);

    void markFailed(Claim claim, Notification failed);

    /** Gives the claim up after a failed send, so a retry may claim it at once. */
    void release(Claim claim);

    record Claim(NotificationKey key, String token, String notificationId, Instant createdAt) {
    }

    /**
     * The SMS counters a send must fit in: the shipment's and the customer's (if any) for the customer's local
     * {@code day}, and the phone number's for the UTC {@code phoneDay} (the time zone is the customer's to choose; the
     * number's count must not depend on it).
     */
    record SmsQuota(String shipmentId, Optional<String> customerId, PhoneNumber phone, LocalDate day, LocalDate phoneDay,
                    SmsCaps caps) {
    }

    sealed interface ClaimResult {
        record Claimed(Claim claim) implements ClaimResult {
        }

        record AlreadyDecided() implements ClaimResult {
        }

        /** Another receive holds a live claim until {@code leaseUntil}. */
        record InFlight(Instant leaseUntil) implements ClaimResult {
        }

        /** The once-key was taken by another event, or a cap is used up. */
        record Refused(Suppression reason) implements ClaimResult {
        }
    }
}
