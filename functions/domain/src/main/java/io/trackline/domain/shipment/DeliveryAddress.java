package io.trackline.domain.shipment;

import io.trackline.domain.InvalidValueException;
import io.trackline.domain.Text;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;

import java.util.Locale;
import java.util.Set;

/**
 * Where the package goes: {@code name} (≤ 100), {@code line1} (≤ 200), {@code line2?} (≤ 200), {@code city} (≤ 100),
 * {@code region?} (≤ 100), {@code postalCode} (≤ 20, required: carriers route on it), {@code country} (ISO 3166-1
 * alpha-2, upper case); every text by {@link Text}'s rule. The API's {@code Address} schema says the same.
 */
public record DeliveryAddress(String name, String line1, String line2, String city, String region, String postalCode,
                              String country) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * Whether the customer may still change the address: until the carrier has the package (picked up) and while the
     * shipment has not ended; afterwards only support can redirect it (README "API", Delivery address).
     */
    public static boolean changeable(Status status, Milestone milestone, boolean terminal) {
        return !terminal && !status.isTerminal() && (milestone == null || milestone.isBefore(Milestone.PICKED_UP));
    }

    public DeliveryAddress {
        name = Text.required(name, "deliveryAddress.name", 100);
        line1 = Text.required(line1, "deliveryAddress.line1", 200);
        line2 = Text.optional(line2, "deliveryAddress.line2", 200);
        city = Text.required(city, "deliveryAddress.city", 100);
        region = Text.optional(region, "deliveryAddress.region", 100);
        postalCode = Text.required(postalCode, "deliveryAddress.postalCode", 20);
        country = Text.required(country, "deliveryAddress.country", 2);
        if (!COUNTRIES.contains(country)) {
            throw new InvalidValueException("deliveryAddress.country",
                    "deliveryAddress.country must be an ISO 3166-1 alpha-2 code such as 'US'");
        }
    }
}
