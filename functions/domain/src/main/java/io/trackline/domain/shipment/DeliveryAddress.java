package io.trackline.domain.shipment;

import java.util.Locale;

/** Where the package goes: {@code name, line1, line2?, city, region, postalCode, country} (ISO 3166-1 alpha-2). */
public record DeliveryAddress(String name, String line1, String line2, String city, String region, String postalCode,
                              String country) {
    public DeliveryAddress {
        require(name, "deliveryAddress.name");
        require(line1, "deliveryAddress.line1");
        require(city, "deliveryAddress.city");
        require(postalCode, "deliveryAddress.postalCode");
        require(country, "deliveryAddress.country");
        country = country.strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("deliveryAddress.country must be an ISO 3166-1 alpha-2 code");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " is required");
        if (value.length() > 200) throw new IllegalArgumentException(field + " is longer than 200 characters");
    }
}
