package io.trackline.api.http;

import io.trackline.view.shipment.Address;
import io.trackline.domain.shipment.DeliveryAddress;

/**
 * A delivery address as a client or customer sends it; {@link #validated} checks it by the domain's one rule,
 * {@link DeliveryAddress}, whose {@code InvalidValueException} names the field ({@code deliveryAddress.postalCode}).
 */
public record AddressInput(String name, String line1, String line2, String city, String region, String postalCode,
                           String country) {
    public Address validated() {
        var valid = new DeliveryAddress(name, line1, line2, city, region, postalCode, country);
        return new Address(valid.name(), valid.line1(), valid.line2(), valid.city(), valid.region(), valid.postalCode(),
                valid.country());
    }
}
