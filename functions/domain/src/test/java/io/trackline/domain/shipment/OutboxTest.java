package io.trackline.domain.shipment;

import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.usecase.AnnouncementRelay;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.shipment.usecase.TrackScans;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.trackline.domain.shipment.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A change and its announcements are one write; the change stream relays what each write added: a crash after the
 * write loses nothing, a redelivered batch announces nothing twice.
 */
class OutboxTest {
    private final RecordingAnnouncer published = new RecordingAnnouncer();

    @Test
    void shouldAnnounceOnce_whenFunctionDiesAfterTheWriteAndBatchIsRedelivered() {
        // given: a store whose first save commits and then the function dies
        boolean[] dieAfterSave = {true};
        InMemoryShipments shipments = new InMemoryShipments(TrackingPolicy.DEFAULT, published) {
            @Override
            public synchronized void save(ShipmentUpdate update) {
                super.save(update);
                if (dieAfterSave[0]) {
                    dieAfterSave[0] = false;
                    throw new IllegalStateException("function died after the write");
                }
            }
        };
        MutableClock clock = new MutableClock(Scans.REGISTERED_AT);
        new io.trackline.domain.shipment.usecase.RegisterShipment(shipments, TrackingPolicy.DEFAULT, clock, () -> "shp_1")
                .register(command());
        TrackScans processor = new TrackScans(shipments, TrackingPolicy.DEFAULT, clock);
        PackageScans batch = new PackageScans(Scans.CARRIER, Scans.TRACKING,
                List.of(scan(Status.OUT_FOR_DELIVERY, "2026-03-04T07:00:00Z")), List.of());
        assertThatThrownBy(() -> processor.track(batch)).hasMessage("function died after the write");
        long version = shipments.byId("shp_1").orElseThrow().version();
        // when: SQS redelivers the batch, twice
        processor.track(batch);
        processor.track(batch);
        // then: nothing new was written, and the one write was announced once
        assertThat(shipments.byId("shp_1").orElseThrow().version()).isEqualTo(version);
        assertThat(published.triggers()).containsExactly(Trigger.OUT_FOR_DELIVERY);
    }

    @Test
    void shouldPublishOnlyWhatTheWriteAdded_whenPreviousWriteLeftAnnouncementsInTheOutbox() {
        // given
        TrackingFixture fixture = new TrackingFixture();
        String id = fixture.registerDefault().id();
        fixture.track(scan(Status.PICKED_UP, "2026-03-02T09:00:00Z"));
        List<Announcement> previous = fixture.shipments.outbox(id);
        fixture.track(scan(Status.IN_TRANSIT, "2026-03-03T09:00:00Z"));
        List<Announcement> written = new java.util.ArrayList<>(previous);
        written.addAll(fixture.shipments.outbox(id));
        // when
        int count = new AnnouncementRelay(published).relay(previous, written);
        // then
        assertThat(count).isOne();
        assertThat(published.triggers()).containsExactly(Trigger.IN_TRANSIT);
    }

    @Test
    void shouldPublishNothing_whenWriteLeftTheOutboxAsItWas() {
        // given
        TrackingFixture fixture = new TrackingFixture();
        String id = fixture.registerDefault().id();
        fixture.track(scan(Status.PICKED_UP, "2026-03-02T09:00:00Z"));
        List<Announcement> outbox = fixture.shipments.outbox(id);
        // when: e.g. a delivery-address change, which writes the item without announcing
        int count = new AnnouncementRelay(published).relay(outbox, outbox);
        // then
        assertThat(outbox).isNotEmpty();
        assertThat(count).isZero();
        assertThat(published.events()).isEmpty();
    }

    private static io.trackline.domain.shipment.usecase.RegisterShipment.Command command() {
        Registration r = Scans.registration("unused");
        return new io.trackline.domain.shipment.usecase.RegisterShipment.Command(r.tenantId(), r.orderId(),
                r.customerId(), r.carrier(), r.trackingNumber(), r.service(), r.promisedDeliveryDate(),
                r.deliveryAddress(), r.contact());
    }
}
