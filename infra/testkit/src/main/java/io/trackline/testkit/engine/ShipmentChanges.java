package io.trackline.testkit.engine;

import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.shipment.Registration;
import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.ShipmentUpdate;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.port.Shipments;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Shipment changes committed as the engine commits them (the domain's commands, saved through the store it is given,
 * the engine's DynamoDB store in the ITs and benches), returning the events the relay would publish: for tests of the
 * functions downstream of the relay, which read the shipment the event is about.
 */
public final class ShipmentChanges {
    private final Shipments shipments;
    private final TrackingPolicy policy;

    public ShipmentChanges(Shipments shipments) {
        this.shipments = shipments;
        this.policy = TrackingPolicy.DEFAULT;
    }

    /** A {@link TypicalShipment} of this tenant registered at {@code at}, with a tracking number of its own; its id. */
    public String register(String tenantId, Instant at) {
        TrackingNumber number = TrackingNumber.of("1Z" + ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
        Registration typical = TypicalShipment.registration(RegisterShipment.newShipmentId(), "order-" + number.value(), number, at);
        Registration registration = new Registration(typical.id(), tenantId, typical.orderId(), typical.customerId(),
                typical.carrier(), typical.trackingNumber(), typical.service(), typical.promisedDeliveryDate(),
                typical.deliveryAddress(), typical.contact(), at);
        Shipment shipment = Shipment.register(registration);
        shipments.create(shipment.apply(List.of(), List.of(), at, policy));
        return shipment.id();
    }

    /** A scan of {@code status} (an exception for {@code reason}) that happened at {@code at}, received a minute later. */
    public List<ShipmentEvent> scan(String shipmentId, Status status, ExceptionReason reason, Instant at) {
        Shipment shipment = current(shipmentId);
        Scan scan = new Scan(shipment.registration().carrier(), shipment.registration().trackingNumber(), status,
                at.atOffset(ZoneOffset.ofHours(-5)), "scan " + status.name().toLowerCase(),
                new Location("Louisville", "KY", "40201", "US"), "aftership", status.name(), null, reason,
                status == Status.EXCEPTION, false);
        return commit(shipment.apply(List.of(scan), List.of(), at.plus(Duration.ofMinutes(1)), policy));
    }

    /** A carrier estimate reported at {@code reportedAt}, without a scan. */
    public List<ShipmentEvent> estimate(String shipmentId, CarrierEstimate estimate) {
        return commit(current(shipmentId).apply(List.of(), List.of(estimate), estimate.reportedAt(), policy));
    }

    /** The sweeper's look at {@code now}. */
    public List<ShipmentEvent> sweep(String shipmentId, Instant now) {
        return commit(current(shipmentId).check(now, policy));
    }

    private Shipment current(String shipmentId) {
        return shipments.byId(shipmentId).orElseThrow(() -> new IllegalArgumentException("no shipment " + shipmentId));
    }

    private List<ShipmentEvent> commit(ShipmentUpdate update) {
        if (update.changed()) shipments.save(update);
        return update.events();
    }
}
