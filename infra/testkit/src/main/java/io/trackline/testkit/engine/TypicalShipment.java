package io.trackline.testkit.engine;

import io.trackline.domain.shipment.Contact;
import io.trackline.domain.shipment.DeliveryAddress;
import io.trackline.domain.shipment.Registration;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A typical real shipment, for keeping the shipment item small: a registration with delivery address and contact
 * (identity-provider customer id, merchant order number, UPS tracking number) and a journey of label, pickup, hub scans,
 * out for delivery and delivery, a scan every 8 hours in whole seconds with the hub's offset, as carriers report them,
 * with three carrier estimates over the journey.
 */
public final class TypicalShipment {
    public static final Carrier CARRIER = Carrier.of("ups");
    private static final List<String> HUBS = List.of("Louisville", "Indianapolis", "Chicago", "Hodgkins", "Rockford",
            "Janesville", "Madison");

    private TypicalShipment() {
    }

    /** What the seller registers: tenant, merchant order number, identity-provider customer id, address, contact. */
    public static RegisterShipment.Command command(String orderId, TrackingNumber trackingNumber, Instant registeredAt) {
        return new RegisterShipment.Command("acme-outdoors", orderId, "3f9c2b7e-41d8-4a6e-9b1f-7c2d5e8a9f01", CARRIER,
                trackingNumber, "UPS Ground", promised(registeredAt),
                new DeliveryAddress("Jane Doe", "1234 Elm Street", "Apt 5B", "Madison", "WI", "53703-1234", "US"),
                new Contact("jane.doe@example.com", "+16085550123"));
    }

    public static Registration registration(String id, String orderId, TrackingNumber trackingNumber, Instant registeredAt) {
        RegisterShipment.Command c = command(orderId, trackingNumber, registeredAt);
        return new Registration(id, c.tenantId(), c.orderId(), c.customerId(), c.carrier(), c.trackingNumber(), c.service(),
                c.promisedDeliveryDate(), c.deliveryAddress(), c.contact(), registeredAt);
    }

    /** The whole journey of {@code checkpoints} scans (at least 4), starting two hours after registration. */
    public static List<Scan> journey(TrackingNumber trackingNumber, Instant registeredAt, int checkpoints) {
        List<Scan> scans = new ArrayList<>();
        for (int n = 0; n < checkpoints; n++) {
            Status status = n == 0 ? Status.LABEL_CREATED : n == 1 ? Status.PICKED_UP
                    : n == checkpoints - 1 ? Status.DELIVERED : n == checkpoints - 2 ? Status.OUT_FOR_DELIVERY : Status.IN_TRANSIT;
            Instant at = registeredAt.plus(Duration.ofHours(2 + 8L * n)).truncatedTo(ChronoUnit.SECONDS);
            scans.add(new Scan(CARRIER, trackingNumber, status, at.atOffset(ZoneOffset.ofHours(-5)),
                    status.name().toLowerCase().replace('_', ' '),
                    new Location(HUBS.get(n * HUBS.size() / checkpoints), null, null, "US"), "aftership", status.name(),
                    null, null, false, false));
        }
        return scans;
    }

    /**
     * The carrier's estimate reported with the history up to scan {@code n} (0-based) of {@code checkpoints}: two days
     * before the seller's promise in the first third of the journey, a day later in each further third (three
     * estimates, none past the promise). Reported when the webhook was received, a couple of minutes after the scan,
     * with the microseconds of a real clock.
     */
    public static CarrierEstimate estimate(Scan latest, int n, int checkpoints, Instant registeredAt) {
        return new CarrierEstimate(promised(registeredAt).minusDays(2).plusDays(3L * n / checkpoints),
                latest.occurredAt().toInstant().plus(Duration.ofSeconds(133, 517_204_000)));
    }

    private static LocalDate promised(Instant registeredAt) {
        return LocalDate.ofInstant(registeredAt, ZoneOffset.UTC).plusDays(5);
    }
}
