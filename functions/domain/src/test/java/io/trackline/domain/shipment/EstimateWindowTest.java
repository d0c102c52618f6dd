package io.trackline.domain.shipment;

import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.tracking.CarrierEstimate;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A carrier's estimated delivery date is plausible within SCAN_MAX_AGE (365 days) of the day it was reported, either
 * way ({@link TrackingPolicy#plausible(CarrierEstimate)}): inside it becomes the ETA as before; outside it changes
 * nothing (no ETA, no delay, no announcement).
 */
class EstimateWindowTest {
    private static final Instant REPORTED = Instant.parse("2026-03-05T12:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-03-05");

    @Property(tries = 200)
    void shouldApplyInsideAndIgnoreOutside_whateverTheDaysFromTheReport(@ForAll @IntRange(min = -40_000, max = 40_000) int daysFromReport) {
        CarrierEstimate estimate = new CarrierEstimate(DAY.plusDays(daysFromReport), REPORTED);
        boolean inside = Math.abs(daysFromReport) <= 365;
        TrackingFixture f = new TrackingFixture();
        String id = f.registerDefault().id();
        f.clock.set(REPORTED);
        Shipment before = f.shipment(id);

        f.estimate(estimate);

        assertThat(TrackingPolicy.DEFAULT.plausible(estimate)).isEqualTo(inside);
        assertThat(f.trackScans.implausibleEstimates(new PackageScans(Scans.CARRIER, Scans.TRACKING, List.of(), List.of(estimate))))
                .isEqualTo(inside ? 0 : 1);
        Shipment after = f.shipment(id);
        if (inside) {
            assertThat(after.tracking().eta().latest()).isEqualTo(estimate);
        } else {
            assertThat(after.tracking().eta()).isEqualTo(before.tracking().eta());
            assertThat(after.delayed()).isEqualTo(before.delayed());
            assertThat(f.announcer.triggers()).isEmpty();
        }
    }

    @Example
    void shouldNotAnnounceADelay_whenACarrierEstimatesDeliveryIn2099() {
        TrackingFixture f = new TrackingFixture();
        String id = f.registerDefault().id();
        f.clock.set(REPORTED);

        f.estimate(new CarrierEstimate(LocalDate.parse("2099-12-31"), REPORTED));

        assertThat(f.shipment(id).delayed()).isFalse();
        assertThat(f.announcer.triggers()).doesNotContain(Trigger.DELAYED);
        assertThat(f.shipment(id).tracking().eta().latest()).isNull();
    }

    @Example
    void shouldTakeTheBoundsAsPlausible_andADayBeyondAsNot() {
        assertThat(TrackingPolicy.DEFAULT.plausible(new CarrierEstimate(DAY.plusDays(365), REPORTED))).isTrue();
        assertThat(TrackingPolicy.DEFAULT.plausible(new CarrierEstimate(DAY.plusDays(366), REPORTED))).isFalse();
        assertThat(TrackingPolicy.DEFAULT.plausible(new CarrierEstimate(DAY.minusDays(365), REPORTED))).isTrue();
        assertThat(TrackingPolicy.DEFAULT.plausible(new CarrierEstimate(DAY.minusDays(366), REPORTED))).isFalse();
    }
}
