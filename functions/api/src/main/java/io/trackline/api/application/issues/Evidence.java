package io.trackline.api.application.issues;

import io.trackline.view.shipment.TrackedShipment;

import java.util.List;

/** The tracking state at the moment a case was opened, so support sees what the customer saw. */
public record Evidence(String status, String milestone, String exceptionReason, boolean delayed, String promised,
                       String latestEstimate, String statusOccurredAt, List<Scan> lastScans) {
    static final int LAST_SCANS = 5;

    public static Evidence of(TrackedShipment s) {
        return new Evidence(s.status().name(), s.milestone() == null ? null : s.milestone().name(),
                s.exceptionReason() == null ? null : s.exceptionReason().name(), s.delayed(),
                s.eta().promised() == null ? null : s.eta().promised().toString(),
                s.eta().latest() == null ? null : s.eta().latest().toString(),
                s.statusOccurredAt() == null ? null : s.statusOccurredAt().toString(),
                s.events().stream().limit(LAST_SCANS)
                        .map(e -> new Scan(e.status().name(), e.occurredAt().toString(), e.description(),
                                e.location() == null ? null : e.location().city(),
                                e.location() == null ? null : e.location().country()))
                        .toList());
    }

    public record Scan(String status, String occurredAt, String description, String city, String country) {
    }
}
