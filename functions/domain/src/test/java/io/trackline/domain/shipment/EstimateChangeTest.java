package io.trackline.domain.shipment;

import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A carrier estimate that changes the latest estimated date, and nothing else the engine announces (no status change,
 * no delay), is announced once as {@code ETA_CHANGED} (webhooks to API clients' {@code shipment.eta_changed}); the
 * same date again, an older report, an implausible date, or a change that comes with a status change or a delay is not.
 */
class EstimateChangeTest {
    private static final Instant REPORTED = Instant.parse("2026-03-03T12:00:00Z");
    private final TrackingFixture f = new TrackingFixture();
    private String id;

    @BeforeEach
    void inTransit() {
        id = f.registerDefault().id();
        f.clock.set(REPORTED.minusSeconds(3600));
        f.track(Scans.scan(Status.IN_TRANSIT, "2026-03-03T05:00:00-05:00"));
        f.clock.set(REPORTED);
    }

    @Test
    void shouldAnnounceTheNewDateOnce_whenACarrierEstimateChangesOnlyTheEta() {
        LocalDate earlier = Scans.PROMISED.minusDays(1);

        f.estimate(new CarrierEstimate(earlier, REPORTED));
        f.estimate(new CarrierEstimate(earlier, REPORTED)); // the same webhook again

        assertThat(f.announcer.triggers()).containsExactly(Trigger.IN_TRANSIT, Trigger.ETA_CHANGED);
        ShipmentEvent changed = f.announcer.events().getLast();
        Shipment stored = f.shipment(id);
        assertThat(changed.eta()).isEqualTo(earlier);
        assertThat(changed.status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(changed.delayed()).isFalse();
        assertThat(changed.occurredAt().toInstant()).isEqualTo(REPORTED);
        assertThat(changed.sequence()).isEqualTo(stored.version());
        assertThat(stored.tracking().eta().latest().date()).isEqualTo(earlier);
    }

    @Test
    void shouldAnnounceNothing_whenTheSameDateIsReportedAgainLater() {
        LocalDate date = Scans.PROMISED;
        f.estimate(new CarrierEstimate(date, REPORTED));

        f.clock.set(REPORTED.plusSeconds(7200));
        f.estimate(new CarrierEstimate(date, REPORTED.plusSeconds(7200)));

        assertThat(f.announcer.triggers()).containsExactly(Trigger.IN_TRANSIT, Trigger.ETA_CHANGED);
    }

    @Test
    void shouldAnnounceNothing_whenAnEstimateOlderThanTheLatestArrivesLate() {
        f.estimate(new CarrierEstimate(Scans.PROMISED, REPORTED));

        f.estimate(new CarrierEstimate(Scans.PROMISED.minusDays(2), REPORTED.minusSeconds(600)));

        assertThat(f.announcer.triggers()).containsExactly(Trigger.IN_TRANSIT, Trigger.ETA_CHANGED);
        assertThat(f.shipment(id).tracking().eta().latest().date()).isEqualTo(Scans.PROMISED);
    }

    @Test
    void shouldAnnounceNothing_whenTheEstimateIsImplausible() {
        CarrierEstimate in2099 = new CarrierEstimate(LocalDate.parse("2099-03-04"), REPORTED);

        f.estimate(in2099);

        assertThat(TrackingPolicy.DEFAULT.plausible(in2099)).isFalse();
        assertThat(f.announcer.triggers()).containsExactly(Trigger.IN_TRANSIT);
        assertThat(f.shipment(id).tracking().eta().latest()).isNull();
    }

    @Test
    void shouldAnnounceOnlyTheDelay_whenTheNewDateIsAfterThePromise() {
        f.estimate(new CarrierEstimate(Scans.PROMISED.plusDays(2), REPORTED));

        assertThat(f.announcer.triggers()).containsExactly(Trigger.IN_TRANSIT, Trigger.DELAYED);
    }

    @Test
    void shouldAnnounceOnlyTheStatusChange_whenTheEstimateComesWithIt() {
        f.trackScans.track(new PackageScans(Scans.CARRIER, Scans.TRACKING,
                List.of(Scans.scan(Status.OUT_FOR_DELIVERY, "2026-03-03T06:30:00-05:00")),
                List.of(new CarrierEstimate(Scans.PROMISED.minusDays(2), REPORTED))));

        assertThat(f.announcer.triggers()).containsExactly(Trigger.IN_TRANSIT, Trigger.OUT_FOR_DELIVERY);
        assertThat(f.announcer.events().getLast().eta()).isEqualTo(Scans.PROMISED.minusDays(2));
    }

    @Test
    void shouldAnnounceEachChange_whenTheDateGoesBackToAnEarlierOne() {
        LocalDate first = Scans.PROMISED.minusDays(1);
        f.estimate(new CarrierEstimate(first, REPORTED));
        f.estimate(new CarrierEstimate(Scans.PROMISED, REPORTED.plusSeconds(60)));
        f.estimate(new CarrierEstimate(first, REPORTED.plusSeconds(120)));

        List<ShipmentEvent> changes = f.announcer.events().stream().filter(e -> e.trigger() == Trigger.ETA_CHANGED).toList();
        assertThat(changes).extracting(ShipmentEvent::eta).containsExactly(first, Scans.PROMISED, first);
        assertThat(changes).extracting(ShipmentEvent::eventId).doesNotHaveDuplicates();
        assertThat(changes).extracting(ShipmentEvent::sequence).isSorted();
    }
}
