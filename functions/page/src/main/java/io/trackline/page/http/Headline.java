package io.trackline.page.http;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Status;
import io.trackline.page.application.TrackedPackage;

import java.time.LocalDate;
import java.util.Set;

/**
 * The page's headline in the customer's words, decided here only: "Delivered Monday 14:05", "Out for delivery",
 * "Delayed – now expected Thursday", "Arriving Tuesday", else what the status is.
 */
final class Headline {
    /** Statuses that say more than a date would: their own words, even when a delivery date is known. */
    private static final Set<Status> SAYS_ITSELF = Set.of(Status.OUT_FOR_DELIVERY, Status.DELIVERY_ATTEMPTED,
            Status.AVAILABLE_FOR_PICKUP, Status.RETURN_TO_SENDER, Status.EXPIRED);
    private static final Set<ExceptionReason> DELAYS = Set.of(ExceptionReason.CARRIER_DELAY,
            ExceptionReason.WEATHER_DELAY, ExceptionReason.RESCHEDULED);

    private Headline() {
    }

    /** @param today the date where the package is (its last scan's offset) */
    static String of(TrackedPackage p, PageTexts texts, LocalDate today) {
        Status status = p.status();
        if (status == Status.DELIVERED && p.statusAt() != null) {
            return texts.get("headline.delivered", "when", Days.when(texts, p.statusAt().toLocalDate(), today),
                    "time", texts.format("format.time", p.statusAt()));
        }
        boolean problem = status == Status.EXCEPTION && !DELAYS.contains(p.exceptionReason());
        if (p.ended() || problem || SAYS_ITSELF.contains(status)) return texts.get("headline.status." + status.name());
        LocalDate expected = p.expected();
        boolean dated = expected != null && !expected.isBefore(today);
        if (p.delayed()) {
            return dated ? texts.get("headline.delayed", "when", Days.when(texts, expected, today))
                    : texts.get("headline.delayedUndated");
        }
        if (dated) return texts.get("headline.arriving", "when", Days.when(texts, expected, today));
        return texts.get("headline.status." + status.name());
    }
}
