package io.trackline.api.application.issues;

import io.trackline.api.application.Refusal;
import io.trackline.view.shipment.TrackedShipment;
import io.trackline.api.application.tracking.TrackingQueries;
import io.trackline.domain.RandomIds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** "Report a problem": checks the report fits the tracking state, opens a case with its evidence, tells support. */
public final class ProblemReports {
    public static final Duration NOT_RECEIVED_WINDOW = Duration.ofDays(30);
    private final TrackingQueries queries;
    private final Cases cases;
    private final SupportDesk support;
    private final Clock clock;

    public ProblemReports(TrackingQueries queries, Cases cases, SupportDesk support, Clock clock) {
        this.queries = queries;
        this.cases = cases;
        this.support = support;
        this.clock = clock;
    }

    public ProblemCase report(String customerId, String shipmentId, IssueType type, String description) {
        TrackedShipment shipment = queries.shipment(shipmentId, Evidence.LAST_SCANS)
                .filter(s -> s.isOwnedBy(customerId))
                .orElseThrow(Refusal::notFound);
        Instant now = clock.instant();
        checkFits(type, shipment, now);
        var problemCase = new ProblemCase(RandomIds.next("case_"), shipment.id(), shipment.tenantId(), shipment.orderId(),
                customerId, type, ProblemCase.OPEN, description, now, Evidence.of(shipment));
        cases.open(problemCase).ifPresent(existing -> {
            throw Refusal.caseAlreadyOpen(existing);
        });
        try {
            support.caseOpened(problemCase);
        } catch (RuntimeException e) {
            // A case support never hears of helps nobody: take it back and let the customer retry.
            cases.withdraw(problemCase);
            throw e;
        }
        return problemCase;
    }

    private static void checkFits(IssueType type, TrackedShipment shipment, Instant now) {
        switch (type) {
            case NOT_RECEIVED -> {
                if (!shipment.isDelivered()) {
                    throw Refusal.issueNotAllowed("NOT_RECEIVED can be reported once the carrier says the package was delivered.");
                }
                var deliveredAt = shipment.statusOccurredAt();
                if (deliveredAt != null && deliveredAt.toInstant().plus(NOT_RECEIVED_WINDOW).isBefore(now)) {
                    throw Refusal.issueNotAllowed("NOT_RECEIVED can be reported within 30 days of delivery.");
                }
            }
            case LOST, DELAYED -> {
                if (shipment.isDelivered()) {
                    throw Refusal.issueNotAllowed(type + " cannot be reported for a delivered package; report NOT_RECEIVED.");
                }
            }
            case DAMAGED, WRONG_ADDRESS, OTHER -> {
                // always possible
            }
        }
    }
}
