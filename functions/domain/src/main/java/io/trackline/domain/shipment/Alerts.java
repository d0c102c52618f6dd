package io.trackline.domain.shipment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What has been announced already, so each alert goes out once per condition.
 *
 * @param delayedFor the due date a DELAYED event was published for; a later due date (a new slip) alerts again
 * @param stalledFor the last activity a STALLED event was published for; a new scan re-arms it
 * @param lostFor    the last activity a SUSPECTED_LOST event (and case) was published for
 */
public record Alerts(LocalDate delayedFor, Instant stalledFor, Instant lostFor) {
    public static final Alerts NONE = new Alerts(null, null, null);

    Alerts delayedFor(LocalDate date) {
        return new Alerts(date, stalledFor, lostFor);
    }

    Alerts stalledFor(Instant activity) {
        return new Alerts(delayedFor, activity, lostFor);
    }

    Alerts lostFor(Instant activity) {
        return new Alerts(delayedFor, stalledFor, activity);
    }
}
