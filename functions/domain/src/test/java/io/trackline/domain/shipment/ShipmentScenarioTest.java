package io.trackline.domain.shipment;

import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static io.trackline.domain.shipment.Scans.exception;
import static io.trackline.domain.shipment.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;

/** Real-life sequences, through the use cases, in memory. */
class ShipmentScenarioTest {
    private final TrackingFixture engine = new TrackingFixture();

    @Test
    void shouldKeepOutForDelivery_whenLateInTransitScanArrives() {
        // given
        String id = engine.registerDefault().id();
        engine.track(scan(Status.PICKED_UP, "2026-03-02T10:00:00-06:00"),
                scan(Status.OUT_FOR_DELIVERY, "2026-03-04T07:30:00-06:00"));
        // when: the carrier's IN_TRANSIT from the night before arrives late
        engine.track(scan(Status.IN_TRANSIT, "2026-03-03T22:00:00-06:00", "Chicago"));
        // then
        Shipment shipment = engine.shipment(id);
        assertThat(shipment.status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(shipment.milestone()).isEqualTo(Milestone.OUT_FOR_DELIVERY);
        assertThat(engine.shipments.history(id)).extracting(t -> t.scan().status())
                .containsExactly(Status.PICKED_UP, Status.IN_TRANSIT, Status.OUT_FOR_DELIVERY);
        assertThat(engine.announcer.triggers()).containsExactly(Trigger.OUT_FOR_DELIVERY);
    }

    @Test
    void shouldStayDelivered_whenOutForDeliveryArrivesFiveMinutesAfterDelivered() {
        // given
        String id = engine.registerDefault().id();
        engine.track(scan(Status.DELIVERED, "2026-03-04T14:00:00-06:00"));
        // when
        engine.track(scan(Status.OUT_FOR_DELIVERY, "2026-03-04T14:05:00-06:00"));
        // then
        Shipment shipment = engine.shipment(id);
        assertThat(shipment.status()).isEqualTo(Status.DELIVERED);
        assertThat(shipment.terminal()).isTrue();
        assertThat(engine.shipments.history(id)).extracting(TrackedScan::postTerminal).containsExactly(false, true);
        assertThat(engine.announcer.triggers()).containsExactly(Trigger.DELIVERED);
    }

    @Test
    void shouldFlagEarlierStoredScanPostTerminal_whenDeliveredArrivesAfterLaterScan() {
        // given: the out-for-delivery five minutes after the delivery arrives first
        String id = engine.registerDefault().id();
        engine.track(scan(Status.OUT_FOR_DELIVERY, "2026-03-04T14:05:00-06:00"));
        // when
        engine.track(scan(Status.DELIVERED, "2026-03-04T14:00:00-06:00"));
        // then
        assertThat(engine.shipment(id).status()).isEqualTo(Status.DELIVERED);
        assertThat(engine.shipments.history(id)).extracting(TrackedScan::postTerminal).containsExactly(false, true);
    }

    @Test
    void shouldChangeNothingAndAnnounceNothing_whenAggregatorResendsWholeHistory() {
        // given
        String id = engine.registerDefault().id();
        var history = new io.trackline.domain.tracking.Scan[]{
                scan(Status.LABEL_CREATED, "2026-03-02T09:00:00Z"),
                scan(Status.PICKED_UP, "2026-03-02T17:00:00Z"),
                scan(Status.IN_TRANSIT, "2026-03-03T04:00:00Z", "Chicago")};
        engine.track(history);
        Shipment before = engine.shipment(id);
        int announced = engine.announcer.events().size();
        // when
        engine.track(history);
        engine.track(history);
        // then
        assertThat(engine.shipment(id).version()).isEqualTo(before.version());
        assertThat(engine.shipments.history(id)).hasSize(3);
        assertThat(engine.announcer.events()).hasSize(announced);
    }

    @Test
    void shouldStartReturnLegWithoutRewritingDelivery_whenLabelIsReusedForReturn() {
        // given
        String id = engine.registerDefault().id();
        engine.track(scan(Status.DELIVERED, "2026-03-04T14:00:00Z"));
        // when: the customer sends it back on the same label
        engine.track(scan(Status.RETURN_TO_SENDER, "2026-03-09T10:00:00Z"),
                scan(Status.IN_TRANSIT, "2026-03-10T10:00:00Z", "Chicago"));
        // then
        Shipment returning = engine.shipment(id);
        assertThat(returning.status()).isEqualTo(Status.DELIVERED);
        assertThat(returning.terminal()).isTrue();
        assertThat(returning.returnLeg()).isTrue();
        assertThat(returning.milestone()).isEqualTo(Milestone.DELIVERED);
        assertThat(engine.announcer.triggers()).containsExactly(Trigger.DELIVERED, Trigger.RETURN_TO_SENDER);
        // and when the return reaches the sender
        engine.track(scan(Status.DELIVERED, "2026-03-12T09:00:00Z", "Louisville"));
        assertThat(engine.shipment(id).status()).isEqualTo(Status.RETURNED);
        assertThat(engine.announcer.triggers()).containsExactly(Trigger.DELIVERED, Trigger.RETURN_TO_SENDER, Trigger.RETURNED);
    }

    @Test
    void shouldAnnounceDelayedOncePerSlip_whenEtaSlipsTwice() {
        // given
        String id = engine.registerDefault().id();
        engine.track(scan(Status.IN_TRANSIT, "2026-03-03T04:00:00Z"));
        engine.estimate(new CarrierEstimate(LocalDate.parse("2026-03-06"), Instant.parse("2026-03-03T05:00:00Z")));
        // when: the estimate slips twice, and the second slip is re-sent
        engine.estimate(new CarrierEstimate(LocalDate.parse("2026-03-07"), Instant.parse("2026-03-04T05:00:00Z")));
        engine.estimate(new CarrierEstimate(LocalDate.parse("2026-03-09"), Instant.parse("2026-03-05T05:00:00Z")));
        engine.estimate(new CarrierEstimate(LocalDate.parse("2026-03-09"), Instant.parse("2026-03-05T09:00:00Z")));
        // then
        Shipment shipment = engine.shipment(id);
        assertThat(shipment.delayed()).isTrue();
        assertThat(shipment.tracking().eta().first().date()).isEqualTo(LocalDate.parse("2026-03-06"));
        assertThat(shipment.tracking().eta().latest().date()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(shipment.tracking().eta().history()).extracting(CarrierEstimate::date)
                .containsExactly(LocalDate.parse("2026-03-06"), LocalDate.parse("2026-03-07"), LocalDate.parse("2026-03-09"));
        assertThat(engine.announcer.events()).filteredOn(e -> e.trigger() == Trigger.DELAYED)
                .extracting(ShipmentEvent::eta).containsExactly(LocalDate.parse("2026-03-07"), LocalDate.parse("2026-03-09"));
    }

    @Test
    void shouldRecordReasonAndActionRequired_whenExceptionScanned() {
        // given
        String id = engine.registerDefault().id();
        // when
        engine.track(exception(ExceptionReason.ADDRESS_ISSUE, true, "2026-03-04T09:00:00Z"));
        // then
        Shipment shipment = engine.shipment(id);
        assertThat(shipment.status()).isEqualTo(Status.EXCEPTION);
        assertThat(shipment.tracking().exceptionReason()).isEqualTo(ExceptionReason.ADDRESS_ISSUE);
        assertThat(shipment.tracking().actionRequired()).isTrue();
        assertThat(engine.announcer.events()).singleElement()
                .satisfies(e -> assertThat(e.exceptionReason()).isEqualTo(ExceptionReason.ADDRESS_ISSUE));
    }

    @Test
    void shouldAttachEarlierScans_whenShipmentIsRegisteredAfterCarrierReportedIt() {
        // given: the carrier is faster than the seller
        engine.track(scan(Status.PICKED_UP, "2026-03-02T07:00:00Z"));
        // when
        Shipment registered = engine.registerDefault();
        // then
        assertThat(registered.status()).isEqualTo(Status.PICKED_UP);
        assertThat(engine.shipments.history(registered.id())).hasSize(1);
        assertThat(engine.announcer.triggers()).containsExactly(Trigger.PICKED_UP);
    }

    @Test
    void shouldReturnExistingShipment_whenSameRegistrationArrivesAgain() {
        // given
        Shipment first = engine.registerDefault();
        // when
        Shipment again = engine.registerDefault();
        // then
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(engine.shipments.forPackage(Scans.CARRIER, Scans.TRACKING)).hasSize(1);
    }

    @Test
    void shouldAnnounceStalledThenSuspectedLostOnce_whenNoScansArrive() {
        // given
        String id = engine.registerDefault().id();
        engine.track(scan(Status.IN_TRANSIT, "2026-03-02T10:00:00Z"));
        // when: two sweeps after 48 hours, two after 10 days
        engine.clock.set(Instant.parse("2026-03-04T10:00:00Z"));
        engine.sweep.sweep(100);
        engine.sweep.sweep(100);
        assertThat(engine.shipment(id).stalled()).isTrue();
        engine.clock.set(Instant.parse("2026-03-12T10:00:00Z"));
        engine.sweep.sweep(100);
        engine.sweep.sweep(100);
        // then
        assertThat(engine.announcer.triggers()).containsExactly(Trigger.IN_TRANSIT, Trigger.STALLED,
                Trigger.SUSPECTED_LOST, Trigger.DELAYED);
        assertThat(engine.announcer.cases()).singleElement().satisfies(c -> assertThat(c.shipmentId()).isEqualTo(id));
        assertThat(engine.shipments.cases()).singleElement().satisfies(c -> assertThat(c.shipmentId()).isEqualTo(id));
        assertThat(engine.shipment(id).suspectedLost()).isTrue();
        assertThat(engine.shipments.due(engine.clock.instant().plus(Duration.ofDays(365)), 10)).isEmpty();
    }

    @Test
    void shouldLeaveIndexAndNeverAlert_whenShipmentIsDelivered() {
        // given
        String id = engine.registerDefault().id();
        Instant storedAt = engine.clock.instant();
        engine.track(scan(Status.DELIVERED, "2026-03-03T10:00:00Z"));
        // when
        engine.clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        var result = engine.sweep.sweep(100);
        // then the retention counts from when the delivery was stored, not from the carrier's scan time
        assertThat(result.checked()).isZero();
        assertThat(engine.shipment(id).expiresAt(TrackingPolicy.DEFAULT)).contains(storedAt.plus(Duration.ofDays(180)));
    }
}
