package io.trackline.domain.tracking;

/**
 * Where a scan happened; every part is optional. {@code country} is ISO 3166-1 alpha-2 when known. Every part is carrier
 * text, made printable by {@link CarrierText}.
 */
public record Location(String city, String region, String postalCode, String country) {
    public static final Location UNKNOWN = new Location(null, null, null, null);

    public Location {
        city = CarrierText.clean(city);
        region = CarrierText.clean(region);
        postalCode = CarrierText.clean(postalCode);
        country = CarrierText.clean(country);
    }

    /** City-level view for public tracking: no postal code. */
    public Location cityLevel() {
        return new Location(city, region, null, country);
    }
}
