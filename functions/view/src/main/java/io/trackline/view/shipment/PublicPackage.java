package io.trackline.view.shipment;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the public sees of a carrier package (PRODUCT.md §9): the carrier's facts only, the same in every tenant's
 * shipment of the package, because the processor applies each scan and estimate to all of them. It has no field for
 * anything a tenant registers (order, customer, address, contact, service, promised date) nor for anything derived from
 * one ({@code delayed} here is the carrier's word, not a promise missed), so no registration can change it. Scans
 * with an implausible carrier time (README "Tracking engine") are left out: they changed nothing, and a 2099 scan at
 * the top of a public history would mislead.
 *
 * @param delayed the status scan says the carrier is delayed, or its latest estimate is a day or more after its first
 */
public record PublicPackage(String carrier, String trackingNumber, Status status, Milestone milestone,
                            ExceptionReason exceptionReason, boolean actionRequired, boolean delayed, boolean terminal,
                            CarrierEta eta, List<PublicScan> events) {

    public PublicPackage {
        Objects.requireNonNull(status, "status");
        eta = eta == null ? CarrierEta.NONE : eta;
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The carrier's facts of one tenant's shipment; nothing else of it is copied. */
    public static PublicPackage of(TrackedShipment s) {
        Eta eta = s.eta();
        boolean terminal = s.terminal() || s.status().isTerminal();
        boolean slipped = eta.first() != null && eta.latest() != null && eta.latest().isAfter(eta.first());
        boolean carrierDelay = s.exceptionReason() == ExceptionReason.CARRIER_DELAY
                || s.exceptionReason() == ExceptionReason.WEATHER_DELAY;
        return new PublicPackage(s.carrier(), s.trackingNumber(), s.status(), s.milestone(), s.exceptionReason(),
                s.actionRequired(), !terminal && (slipped || carrierDelay), terminal,
                new CarrierEta(eta.first(), eta.latest(), eta.history()),
                s.events().stream().filter(e -> !e.implausibleTime()).map(PublicScan::of).toList());
    }

    /** The carrier's estimates: its first and latest, and each estimated date with its first report. */
    public record CarrierEta(LocalDate first, LocalDate latest, List<Eta.Estimate> history) {
        public static final CarrierEta NONE = new CarrierEta(null, null, List.of());

        public CarrierEta {
            history = history == null ? List.of() : List.copyOf(history);
        }
    }

    /** One scan at city level, without the carrier's description (it can name who signed). */
    public record PublicScan(Status status, OffsetDateTime occurredAt, City location, String source, String rawStatus,
                             boolean postTerminal) {
        static PublicScan of(TrackingEvent e) {
            Location where = e.location() == null ? Location.UNKNOWN : e.location();
            return new PublicScan(e.status(), e.occurredAt(), new City(where.city(), where.region(), where.country()),
                    e.source(), e.rawStatus(), e.postTerminal());
        }
    }

    public record City(String city, String region, String country) {
    }
}
