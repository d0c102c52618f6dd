package io.trackline.api.registration;

import io.trackline.api.address.AddressInput;
import io.trackline.api.http.Fields;
import io.trackline.api.http.Problems;
import io.trackline.api.tracking.Contact;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;

/** The body of {@code POST /v1/shipments}; the tenant comes from the API key, never from here. */
public record RegistrationInput(String orderId, String customerId, String carrier, String trackingNumber, String service,
                                String promisedDeliveryDate, AddressInput deliveryAddress, ContactInput contact) {

    public RegistrationRequest validated(String tenantId) {
        String carrierCode;
        String number;
        try {
            carrierCode = Carrier.of(carrier).code();
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("carrier", "carrier must be a carrier code such as 'ups'.");
        }
        try {
            number = TrackingNumber.of(trackingNumber).value();
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("trackingNumber", "trackingNumber must be 4 to 40 letters or digits.");
        }
        String customer = Fields.required(customerId, "customerId", 128);
        if (customer.indexOf('#') >= 0) throw Problems.invalid("customerId", "customerId cannot contain '#'.");
        return new RegistrationRequest(tenantId, Fields.identifier(orderId, "orderId"), customer, carrierCode, number,
                Fields.optional(service, "service", 64), Fields.date(promisedDeliveryDate, "promisedDeliveryDate"),
                deliveryAddress == null ? null : deliveryAddress.validated("deliveryAddress"),
                contact == null ? null : new Contact(Fields.email(contact.email(), "contact.email"),
                        Fields.phone(contact.phone(), "contact.phone")));
    }

    public record ContactInput(String email, String phone) {
    }
}
