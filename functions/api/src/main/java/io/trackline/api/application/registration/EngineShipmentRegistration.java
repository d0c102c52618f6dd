package io.trackline.api.application.registration;

import io.trackline.api.application.Refusal;
import io.trackline.view.shipment.TrackedShipment;
import io.trackline.api.application.tracking.TrackingQueries;
import io.trackline.domain.shipment.Contact;
import io.trackline.domain.shipment.DeliveryAddress;
import io.trackline.domain.shipment.port.OrderFullException;
import io.trackline.domain.shipment.port.OrderOfAnotherCustomerException;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;

/**
 * Registration through the tracking engine's use case, which owns the shipment item, attaches scans that arrived before
 * the registration and announces any status they set. The answer is read back through the API's own query side, so a
 * registered shipment has exactly the shape of every other read.
 */
public final class EngineShipmentRegistration implements ShipmentRegistration {
    private final RegisterShipment engine;
    private final TrackingQueries queries;

    public EngineShipmentRegistration(RegisterShipment engine, TrackingQueries queries) {
        this.engine = engine;
        this.queries = queries;
    }

    @Override
    public Registered register(RegistrationRequest command) {
        var address = command.deliveryAddress();
        var contact = command.contact();
        var engineCommand = new RegisterShipment.Command(command.tenantId(),
                command.orderId(), command.customerId(), Carrier.of(command.carrier()),
                TrackingNumber.of(command.trackingNumber()), command.service(), command.promisedDeliveryDate(),
                address == null ? null : new DeliveryAddress(address.name(), address.line1(), address.line2(),
                        address.city(), address.region(), address.postalCode(), address.country()),
                contact == null ? null : new Contact(contact.email(), contact.phone()));
        try {
            var result = engine.register(engineCommand);
            TrackedShipment shipment = queries.shipment(result.shipment().id(), 0)
                    .orElseThrow(() -> new IllegalStateException("a registered shipment is readable"));
            return new Registered(shipment, result.created());
        } catch (OrderOfAnotherCustomerException e) {
            throw Refusal.orderOfAnotherCustomer();
        } catch (OrderFullException e) {
            throw Refusal.orderFull();
        }
    }
}
