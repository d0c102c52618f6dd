package io.trackline.domain.shipment;

import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.shipment.usecase.SweepShipments;
import io.trackline.domain.shipment.usecase.TrackScans;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Scan;

import java.util.List;

/** The engine's use cases wired to the in-memory port: what the processor and the sweeper do, without AWS. */
public final class TrackingFixture {
    public final MutableClock clock = new MutableClock(Scans.REGISTERED_AT);
    /** What the change stream published. */
    public final RecordingAnnouncer announcer = new RecordingAnnouncer();
    public final InMemoryShipments shipments = new InMemoryShipments(TrackingPolicy.DEFAULT, announcer);
    public final TrackScans trackScans = new TrackScans(shipments, TrackingPolicy.DEFAULT, clock);
    public final SweepShipments sweep = new SweepShipments(shipments, TrackingPolicy.DEFAULT, clock);
    private int nextId;
    public final RegisterShipment register = new RegisterShipment(shipments, TrackingPolicy.DEFAULT, clock,
            () -> "shp_" + (++nextId));

    public Shipment registerDefault() {
        Registration r = Scans.registration("ignored");
        return register.register(new RegisterShipment.Command(r.tenantId(), r.orderId(), r.customerId(), r.carrier(),
                r.trackingNumber(), r.service(), r.promisedDeliveryDate(), r.deliveryAddress(), r.contact())).shipment();
    }

    public void track(Scan... scans) {
        trackScans.track(new PackageScans(Scans.CARRIER, Scans.TRACKING, List.of(scans), List.of()));
    }

    public void estimate(CarrierEstimate estimate) {
        trackScans.track(new PackageScans(Scans.CARRIER, Scans.TRACKING, List.of(), List.of(estimate)));
    }

    public Shipment shipment(String id) {
        return shipments.byId(id).orElseThrow();
    }
}
