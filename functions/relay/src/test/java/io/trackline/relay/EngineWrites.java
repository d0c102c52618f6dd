package io.trackline.relay;

import io.trackline.engine.TrackingEngine;
import io.trackline.domain.shipment.Scans;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.Scan;

import java.util.List;

/** The writes whose outbox the relay publishes: the test package's registration and scans, through the real engine. */
final class EngineWrites {
    private final TrackingEngine engine;

    EngineWrites(TrackingEngine engine) {
        this.engine = engine;
    }

    /** @return the shipment id */
    String register() {
        var r = Scans.registration("unused");
        return engine.registerShipment().register(new RegisterShipment.Command(r.tenantId(), r.orderId(), r.customerId(),
                r.carrier(), r.trackingNumber(), r.service(), r.promisedDeliveryDate(), r.deliveryAddress(),
                r.contact())).shipment().id();
    }

    void track(Scan scan) {
        engine.trackScans().track(new PackageScans(Scans.CARRIER, Scans.TRACKING, List.of(scan), List.of()));
    }
}
