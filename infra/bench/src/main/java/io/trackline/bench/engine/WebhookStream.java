package io.trackline.bench.engine;

import io.trackline.domain.shipment.Contact;
import io.trackline.domain.shipment.DeliveryAddress;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A realistic webhook stream for one package: an aggregator reports each new scan with the history so far (as
 * EasyPost and AfterShip do), with the estimate, and at the end re-sends the whole history once more.
 */
final class WebhookStream {
    static final Carrier CARRIER = Carrier.of("ups");
    private static final List<Status> JOURNEY = List.of(Status.LABEL_CREATED, Status.PICKED_UP, Status.IN_TRANSIT,
            Status.IN_TRANSIT, Status.IN_TRANSIT, Status.IN_TRANSIT, Status.IN_TRANSIT, Status.OUT_FOR_DELIVERY,
            Status.DELIVERED);
    private static final List<String> HUBS = List.of("Springfield", "Springfield", "Chicago", "Indianapolis", "Louisville",
            "Nashville", "Atlanta", "Atlanta", "Atlanta");

    /** Webhooks per package: one per scan of the journey, plus the full re-send. */
    static final int WEBHOOKS_PER_PACKAGE = JOURNEY.size() + 1;
    static final int SCANS_PER_PACKAGE = JOURNEY.size();

    private WebhookStream() {
    }

    static TrackingNumber trackingNumber(int packageNo) {
        return TrackingNumber.of(String.format("1ZBENCH%08d", packageNo));
    }

    /**
     * (a) Today's workload, the worst case: every webhook brings one new scan. A small registration an hour before
     * the journey's first scan (a seller registers at label creation); the journey began two days ago, in whole
     * seconds as carriers report scans.
     */
    static Workload workload(int packages) {
        Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        List<RegisterShipment.Command> registrations = new ArrayList<>();
        for (int p = 0; p < packages; p++) {
            registrations.add(new RegisterShipment.Command("tenant-1", "order-" + p, "customer-" + p, CARRIER,
                    trackingNumber(p), "ground", LocalDate.now().plusDays(3),
                    new DeliveryAddress("Jane Doe", p + " Main St", null, "Springfield", "IL", "62701", "US"),
                    new Contact("jane@example.com", "+14155550123")));
        }
        List<ScanReport> webhooks = new ArrayList<>();
        for (int w = 0; w < WEBHOOKS_PER_PACKAGE; w++) {
            for (int p = 0; p < packages; p++) webhooks.add(report(p, w, start));
        }
        return new Workload("(a) one new scan per webhook: " + SCANS_PER_PACKAGE + "-scan journey, each webhook with the"
                + " history so far, then one full re-send", Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(),
                start.minus(Duration.ofHours(1)))), registrations, webhooks,
                packages * SCANS_PER_PACKAGE, registrations.getFirst());
    }

    /** The {@code webhook}-th report (0-based) of package {@code packageNo}, its journey starting at {@code start}. */
    static ScanReport report(int packageNo, int webhook, Instant start) {
        TrackingNumber tn = trackingNumber(packageNo);
        int scans = Math.min(webhook + 1, JOURNEY.size());
        List<Scan> history = new ArrayList<>();
        for (int i = 0; i < scans; i++) {
            Status status = JOURNEY.get(i);
            history.add(new Scan(CARRIER, tn, status, start.plus(Duration.ofHours(6L * i)).atOffset(ZoneOffset.ofHours(-5)),
                    status.name().toLowerCase().replace('_', ' '), new Location(HUBS.get(i), null, null, "US"), "easypost",
                    status.name().toLowerCase(), null, null, false, false));
        }
        // received a little after the scan, with the sub-second part of a real clock
        Instant received = start.plus(Duration.ofHours(6L * (scans - 1))).plus(Duration.ofSeconds(30 + webhook, 517_204_000));
        LocalDate estimate = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(webhook < 4 ? 3 : 4);
        return new ScanReport("easypost", "evt_" + packageNo + "_" + webhook, received, CARRIER, tn, history,
                Optional.of(new CarrierEstimate(estimate, received)));
    }
}
