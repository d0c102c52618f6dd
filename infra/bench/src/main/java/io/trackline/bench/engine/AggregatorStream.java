package io.trackline.bench.engine;

import io.trackline.testkit.engine.TypicalShipment;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An aggregator's webhook stream (AfterShip, EasyPost): it notifies when the tracking's tag changes, so one webhook often
 * brings several new checkpoints, each time with the full history and the current estimate. A typical shipment
 * ({@link TypicalShipment}: address, contact, 12 checkpoints, three estimates) reported in 5 webhooks.
 */
final class AggregatorStream {
    static final int CHECKPOINTS = 12;
    static final int WEBHOOKS = 5;
    /** The journey (a scan every 8 hours) has ended by the time the bench runs. */
    private static final Duration REGISTERED_AGO = Duration.ofHours(8L * CHECKPOINTS);

    private AggregatorStream() {
    }

    static Workload workload(int packages) {
        Instant registeredAt = Instant.now().minus(REGISTERED_AGO);
        List<RegisterShipment.Command> registrations = new ArrayList<>();
        List<ScanReport> webhooks = new ArrayList<>();
        for (int p = 0; p < packages; p++) {
            registrations.add(TypicalShipment.command("ORD-2026-" + String.format("%06d", p), trackingNumber(p), registeredAt));
        }
        for (int w = 0; w < WEBHOOKS; w++) {
            for (int p = 0; p < packages; p++) webhooks.add(report(p, w, registeredAt));
        }
        return new Workload("(b) aggregator: " + CHECKPOINTS + " checkpoints in " + WEBHOOKS
                + " webhooks, each with the full history", Clock.offset(Clock.systemUTC(), REGISTERED_AGO.negated()),
                registrations, webhooks, packages * CHECKPOINTS, registrations.getFirst());
    }

    static TrackingNumber trackingNumber(int packageNo) {
        return TrackingNumber.of(String.format("1Z999AA1%010d", packageNo));
    }

    /** The {@code webhook}-th report (0-based): the history up to checkpoint 2, 5, 7, 10 and 12. */
    private static ScanReport report(int packageNo, int webhook, Instant registeredAt) {
        TrackingNumber tn = trackingNumber(packageNo);
        int known = Math.round(CHECKPOINTS * (webhook + 1) / (float) WEBHOOKS);
        List<Scan> history = TypicalShipment.journey(tn, registeredAt, CHECKPOINTS).subList(0, known);
        Scan latest = history.getLast();
        var estimate = TypicalShipment.estimate(latest, known - 1, CHECKPOINTS, registeredAt);
        return new ScanReport("aftership", "msg_" + packageNo + "_" + webhook, estimate.reportedAt(),
                TypicalShipment.CARRIER, tn, history, Optional.of(estimate));
    }
}
