package io.trackline.api.http;

import io.trackline.api.application.registration.RegistrationRequest;
import io.trackline.view.shipment.Address;
import io.trackline.view.shipment.Contact;
import io.trackline.domain.shipment.PromisedDeliveryDate;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.LocalDate;

/**
 * The body of {@code POST /v1/shipments}; the tenant comes from the API key, never from here. Every value is checked
 * once, by its domain value object (the engine's command checks the ids and the service); what they refuse is an
 * {@code InvalidValueException} naming the field, which the router answers with a 400.
 */
public record RegistrationInput(String orderId, String customerId, String carrier, String trackingNumber, String service,
                                String promisedDeliveryDate, AddressInput deliveryAddress, ContactInput contact) {

    public RegistrationRequest validated(String tenantId, LocalDate today) {
        var carrierCode = Carrier.known(carrier);
        var number = TrackingNumber.of(trackingNumber);
        LocalDate promised = PromisedDeliveryDate.parse(promisedDeliveryDate, today);
        Address address = deliveryAddress == null ? null : deliveryAddress.validated();
        var validContact = contact == null ? null : new io.trackline.domain.shipment.Contact(contact.email(), contact.phone());
        var command = new io.trackline.domain.shipment.usecase.RegisterShipment.Command(tenantId, orderId, customerId,
                carrierCode, number, service, promised, null, validContact);
        return new RegistrationRequest(tenantId, command.orderId(), command.customerId(), carrierCode.code(), number.value(),
                command.service(), promised, address,
                validContact == null ? null : new Contact(validContact.email(), validContact.phone()));
    }

    public record ContactInput(String email, String phone) {
    }
}
