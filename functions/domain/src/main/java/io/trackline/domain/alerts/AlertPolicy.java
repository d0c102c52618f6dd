package io.trackline.domain.alerts;

import io.trackline.domain.tracking.Status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The one owner of the alert rules (PRODUCT.md §5). In order:
 * <ol>
 *   <li>the customer wants this channel and this alert (defaults: out for delivery, delivered, attempted, pickup, exception, delayed,
 *       lost, returning);</li>
 *   <li>the channel has an address;</li>
 *   <li>no alerts for scans after the shipment ended;</li>
 *   <li>no alerts for events older than a day;</li>
 *   <li>an exception alerts once per reason, a delay once per slip of the estimate;</li>
 *   <li>SMS in the customer's quiet hours wait until they end, unless urgent: only {@code OUT_FOR_DELIVERY} is, because
 *       it is about today and someone may need to be home; a {@code DELIVERED} at 23:30 can wait for the morning;</li>
 *   <li>no SMS to a number that opted out;</li>
 *   <li>the daily SMS caps ({@link #caps()}), which the sender enforces atomically when it claims the send.</li>
 * </ol>
 * Duplicates of the same event on the same channel are the sender's to stop: it claims (eventId, channel) once.
 */
public final class AlertPolicy {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(1);

    private final SmsCaps caps;
    private final Duration maxAge;

    public AlertPolicy(SmsCaps caps, Duration maxAge) {
        this.caps = Objects.requireNonNull(caps, "caps");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    public SmsCaps caps() {
        return caps;
    }

    public NotificationDecision decide(AlertSituation situation) {
        ShipmentEvent event = situation.event();
        Preferences preferences = situation.preferences();
        if (!preferences.wants(situation.channel()) || !preferences.wants(event.trigger())) {
            return NotificationDecision.suppress(Suppression.ALERT_OFF);
        }
        if (!situation.reachable()) return NotificationDecision.suppress(Suppression.NO_CONTACT);
        if (isPostTerminal(event, situation.shipmentTerminal())) return NotificationDecision.suppress(Suppression.POST_TERMINAL);
        Instant judgedAt = situation.heldSince() != null ? situation.heldSince() : situation.now();
        if (event.occurredAt().toInstant().plus(maxAge).isBefore(judgedAt)) {
            return NotificationDecision.suppress(Suppression.STALE_EVENT);
        }
        String onceKey = onceKey(event);
        if (onceKey != null && situation.alreadyAlerted().contains(onceKey)) {
            return NotificationDecision.suppress(Suppression.ALREADY_ALERTED);
        }
        if (situation.channel() == Channel.SMS) {
            if (!isUrgent(event.trigger()) && preferences.quietHours().isPresent()) {
                Instant end = preferences.quietHours().get().endOfWindowAt(situation.now(), preferences.timeZone());
                if (end.isAfter(situation.now())) return NotificationDecision.hold(end);
            }
            if (situation.optedOut().getAsBoolean()) return NotificationDecision.suppress(Suppression.OPTED_OUT);
        }
        return NotificationDecision.send(onceKey);
    }

    /** Alerts that may wake someone: they are about today and the customer can still act on them. */
    public static boolean isUrgent(Trigger trigger) {
        return trigger == Trigger.OUT_FOR_DELIVERY;
    }

    /** The day an SMS counts against the caps: the customer's local day. */
    public static LocalDate capDay(Instant now, Preferences preferences) {
        return LocalDate.ofInstant(now, preferences.timeZone());
    }

    /** Exceptions alert once per reason and delays once per estimated date; other alerts once per event. */
    public static String onceKey(ShipmentEvent event) {
        return switch (event.trigger()) {
            case EXCEPTION -> "EXCEPTION#" + (event.exceptionReason() == null ? "OTHER" : event.exceptionReason().name());
            case DELAYED -> "DELAYED#" + (event.eta() == null ? "NO_DATE" : event.eta().toString());
            default -> null;
        };
    }

    private static boolean isPostTerminal(ShipmentEvent event, boolean shipmentTerminal) {
        boolean previousTerminal = event.previousStatus() != null && event.previousStatus().isTerminal();
        return !event.status().isTerminal() && (shipmentTerminal || previousTerminal) || isAfterEnd(event);
    }

    /** A terminal status that follows another terminal one (e.g. a late LOST after DELIVERED) is not news either. */
    private static boolean isAfterEnd(ShipmentEvent event) {
        Status previous = event.previousStatus();
        return previous != null && previous.isTerminal() && event.status().isTerminal() && previous != event.status();
    }
}
