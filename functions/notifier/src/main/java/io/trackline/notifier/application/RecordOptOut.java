package io.trackline.notifier.application;

import io.trackline.aws.log.Log;
import io.trackline.domain.alerts.PhoneNumber;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

/**
 * Use case: a customer replied to an SMS. STOP (and the other opt-out keywords carriers honour) records the number
 * on our stop list, which the policy consults before every SMS; START or UNSTOP removes it. Anything else is ignored.
 */
public final class RecordOptOut {
    private static final Log LOG = Log.of(RecordOptOut.class);
    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "ARRET");
    private static final Set<String> START = Set.of("START", "UNSTOP", "YES");

    private final StopList stopList;
    private final AlertMetrics metrics;
    private final Clock clock;

    public RecordOptOut(StopList stopList, AlertMetrics metrics, Clock clock) {
        this.stopList = stopList;
        this.metrics = metrics;
        this.clock = clock;
    }

    public enum Outcome { STOPPED, STARTED, IGNORED }

    public Outcome handle(PhoneNumber from, String text) {
        String keyword = text == null ? "" : text.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        Outcome outcome;
        if (STOP.contains(keyword)) {
            stopList.stop(from, clock.instant());
            outcome = Outcome.STOPPED;
        } else if (START.contains(keyword)) {
            stopList.start(from);
            outcome = Outcome.STARTED;
        } else {
            outcome = Outcome.IGNORED;
        }
        LOG.info("inbound SMS", "from", from.masked(), "outcome", outcome.name());
        metrics.smsReply(outcome);
        return outcome;
    }
}
