package io.trackline.domain.shipment.usecase;

import io.trackline.domain.InvalidValueException;
import io.trackline.domain.RandomIds;
import io.trackline.domain.Text;
import io.trackline.domain.shipment.Contact;
import io.trackline.domain.shipment.DeliveryAddress;
import io.trackline.domain.shipment.Registration;
import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.ShipmentUpdate;
import io.trackline.domain.shipment.TrackedScan;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.port.AlreadyRegisteredException;
import io.trackline.domain.shipment.port.Shipments;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /** A tenant's or customer's id (an identity provider's {@code sub}: UUIDs, {@code auth0|abc}, emails). */
    public static final Pattern TENANT_OR_CUSTOMER_ID = Pattern.compile("[A-Za-z0-9._:@|-]{1,128}");
    /** An order id, part of table keys and of the customer's order reference. */
    public static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** What the client sends; invalid values cannot be constructed ({@link InvalidValueException} names the field). */
    public record Command(String tenantId, String orderId, String customerId, Carrier carrier,
                          TrackingNumber trackingNumber, String service, LocalDate promisedDeliveryDate,
                          DeliveryAddress deliveryAddress, Contact contact) {
        public Command {
            requireId(tenantId, "tenantId", TENANT_OR_CUSTOMER_ID);
            requireId(orderId, "orderId", ORDER_ID);
            requireId(customerId, "customerId", TENANT_OR_CUSTOMER_ID);
            require(carrier, "carrier");
            require(trackingNumber, "trackingNumber");
            service = Text.optional(service, "service", 64);
            contact = contact == null ? Contact.NONE : contact;
        }

        /** Every invalid command fails the same way, so the API maps one exception to a 400 naming the field. */
        private static void require(Object value, String field) {
            if (value == null) throw new InvalidValueException(field, field + " is required");
        }

        private static void requireId(String value, String field, Pattern rule) {
            if (value == null || !rule.matcher(value).matches()) {
                throw new InvalidValueException(field, field + (rule == ORDER_ID
                        ? " must be 1 to 64 ASCII letters, digits, '.', '_', ':' or '-', starting with a letter or digit"
                        : " must be 1 to 128 ASCII letters, digits or ._:@|-"));
            }
        }
    }

    /** @param created {@code false} when the tenant had registered this package already */
    public record Result(Shipment shipment, boolean created) {
    }

    /** Scans kept unattached with an implausible carrier time stay flagged when attached (PRODUCT.md §9). */
    private static Set<ScanKey> implausible(List<TrackedScan> kept) {
        return kept.stream().filter(TrackedScan::implausibleTime).map(t -> t.scan().key()).collect(Collectors.toSet());
    }

    public Result register(Command command) {
        var existing = shipments.registered(command.tenantId(), command.carrier(), command.trackingNumber());
        if (existing.isPresent()) return new Result(existing.get(), false);
        Instant now = clock.instant();
        Shipment shipment = Shipment.register(new Registration(ids.get(), command.tenantId(), command.orderId(),
                command.customerId(), command.carrier(), command.trackingNumber(), command.service(),
                command.promisedDeliveryDate(), command.deliveryAddress(), command.contact(), now));
        List<TrackedScan> early = shipments.unattachedScans(command.carrier(), command.trackingNumber());
        ShipmentUpdate update = shipment.apply(early.stream().map(TrackedScan::scan).toList(), implausible(early),
                List.of(), now, policy);
        try {
            shipments.create(update);
        } catch (AlreadyRegisteredException raced) {
            return new Result(shipments.registered(command.tenantId(), command.carrier(), command.trackingNumber())
                    .orElseThrow(() -> raced), false);
        }
        // Scans kept as unattached while this registration was being written would otherwise never be attached.
        var late = shipments.unattachedScans(command.carrier(), command.trackingNumber()).stream()
                .filter(scan -> !update.after().tracking().knows(scan.scan().key())).toList();
        if (!late.isEmpty()) {
            trackScans.track(new PackageScans(command.carrier(), command.trackingNumber(),
                    late.stream().map(TrackedScan::scan).toList(), List.of()), implausible(late));
            return new Result(shipments.byId(update.after().id()).orElseThrow(), true);
        }
        return new Result(update.after(), true);
    }
}
