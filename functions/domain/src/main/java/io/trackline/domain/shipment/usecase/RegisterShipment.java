package io.trackline.domain.shipment.usecase;

import io.trackline.domain.RandomIds;
import io.trackline.domain.shipment.Contact;
import io.trackline.domain.shipment.DeliveryAddress;
import io.trackline.domain.shipment.Registration;
import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.ShipmentUpdate;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.port.AlreadyRegisteredException;
import io.trackline.domain.shipment.port.Shipments;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /v1/shipments}: registers a shipment, idempotent on carrier + tracking number within the tenant (the same
 * request again returns the existing shipment). Scans that arrived before the registration are attached to it.
 */
public final class RegisterShipment {
    private final Shipments shipments;
    private final TrackingPolicy policy;
    private final Clock clock;
    private final Supplier<String> ids;
    private final TrackScans trackScans;

    public RegisterShipment(Shipments shipments, TrackingPolicy policy, Clock clock, Supplier<String> ids) {
        this.shipments = shipments;
        this.trackScans = new TrackScans(shipments, policy, clock);
        this.policy = policy;
        this.clock = clock;
        this.ids = ids;
    }

    /** A fresh shipment id: {@code shp_} and 22 random base62 characters (131 bits), so ids cannot be guessed. */
    public static String newShipmentId() {
        return RandomIds.next("shp_");
    }

    /** What the client sends; invalid values cannot be constructed (the message names the field). */
    public record Command(String tenantId, String orderId, String customerId, Carrier carrier,
                          TrackingNumber trackingNumber, String service, LocalDate promisedDeliveryDate,
                          DeliveryAddress deliveryAddress, Contact contact) {
        public Command {
            requireId(tenantId, "tenantId");
            requireId(orderId, "orderId");
            requireId(customerId, "customerId");
            require(carrier, "carrier");
            require(trackingNumber, "trackingNumber");
            if (service != null && service.length() > 64) throw new IllegalArgumentException("service is longer than 64 characters");
            contact = contact == null ? Contact.NONE : contact;
        }

        /** Every invalid command fails the same way, so the API maps one exception to a 400 naming the field. */
        private static void require(Object value, String field) {
            if (value == null) throw new IllegalArgumentException(field + " is required");
        }

        private static void requireId(String value, String field) {
            if (value == null || !value.matches("[A-Za-z0-9._:@|-]{1,128}")) {
                throw new IllegalArgumentException(field + " must be 1 to 128 letters, digits or ._:@|-");
            }
        }
    }

    /** @param created {@code false} when the tenant had registered this package already */
    public record Result(Shipment shipment, boolean created) {
    }

    public Result register(Command command) {
        var existing = shipments.registered(command.tenantId(), command.carrier(), command.trackingNumber());
        if (existing.isPresent()) return new Result(existing.get(), false);
        Instant now = clock.instant();
        Shipment shipment = Shipment.register(new Registration(ids.get(), command.tenantId(), command.orderId(),
                command.customerId(), command.carrier(), command.trackingNumber(), command.service(),
                command.promisedDeliveryDate(), command.deliveryAddress(), command.contact(), now));
        ShipmentUpdate update = shipment.apply(shipments.unattached(command.carrier(), command.trackingNumber()),
                List.of(), now, policy);
        try {
            shipments.create(update);
        } catch (AlreadyRegisteredException raced) {
            return new Result(shipments.registered(command.tenantId(), command.carrier(), command.trackingNumber())
                    .orElseThrow(() -> raced), false);
        }
        // Scans kept as unattached while this registration was being written would otherwise never be attached.
        var late = shipments.unattached(command.carrier(), command.trackingNumber()).stream()
                .filter(scan -> !update.after().tracking().knows(scan.key())).toList();
        if (!late.isEmpty()) {
            trackScans.track(new PackageScans(command.carrier(), command.trackingNumber(), late, List.of()));
            return new Result(shipments.byId(update.after().id()).orElseThrow(), true);
        }
        return new Result(update.after(), true);
    }
}
