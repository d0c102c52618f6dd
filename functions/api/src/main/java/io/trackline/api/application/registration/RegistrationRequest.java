package io.trackline.api.application.registration;

import io.trackline.view.shipment.Address;
import io.trackline.view.shipment.Contact;

import java.time.LocalDate;

/** A validated registration of one carrier package for a tenant's order and customer. */
public record RegistrationRequest(String tenantId, String orderId, String customerId, String carrier, String trackingNumber,
                               String service, LocalDate promisedDeliveryDate, Address deliveryAddress, Contact contact) {
}
