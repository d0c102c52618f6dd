package io.trackline.api.address;

import io.trackline.api.http.Fields;
import io.trackline.api.tracking.Address;

/** A delivery address as a client or customer sends it; {@link #validated} makes an {@link Address} of it or says why not. */
public record AddressInput(String name, String line1, String line2, String city, String region, String postalCode,
                           String country) {
    public Address validated(String field) {
        return new Address(
                Fields.required(name, field + ".name", 100),
                Fields.required(line1, field + ".line1", 200),
                Fields.optional(line2, field + ".line2", 200),
                Fields.required(city, field + ".city", 100),
                Fields.optional(region, field + ".region", 100),
                Fields.optional(postalCode, field + ".postalCode", 20),
                Fields.country(country, field + ".country"));
    }
}
