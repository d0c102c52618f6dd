package io.trackline.domain.shipment;

import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.trackline.domain.shipment.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;

/** A carrier scan kept as unattached while the registration is being written is attached all the same. */
class RegisterShipmentRaceTest {

    @Test
    void shouldAttachScan_whenItArrivesWhileRegistrationIsBeingWritten() {
        // given: the processor keeps a scan unattached between the registration's read and its write
        MutableClock clock = new MutableClock(Scans.REGISTERED_AT);
        RecordingAnnouncer announcer = new RecordingAnnouncer();
        InMemoryShipments shipments = new InMemoryShipments(TrackingPolicy.DEFAULT, announcer) {
            @Override
            public void create(ShipmentUpdate registration) {
                keepUnattached(Scans.CARRIER, Scans.TRACKING, List.of(scan(Status.PICKED_UP, "2026-03-02T08:30:00Z")));
                super.create(registration);
            }
        };
        var register = new RegisterShipment(shipments, TrackingPolicy.DEFAULT, clock, () -> "shp_1");
        Registration r = Scans.registration("unused");
        // when
        var result = register.register(new RegisterShipment.Command(r.tenantId(), r.orderId(), r.customerId(),
                r.carrier(), r.trackingNumber(), r.service(), r.promisedDeliveryDate(), r.deliveryAddress(), r.contact()));
        // then
        assertThat(result.shipment().status()).isEqualTo(Status.PICKED_UP);
        assertThat(shipments.history("shp_1")).hasSize(1);
        assertThat(announcer.triggers()).containsExactly(io.trackline.domain.alerts.Trigger.PICKED_UP);
    }
}
