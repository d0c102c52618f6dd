package io.trackline.webhook.http;

import io.trackline.domain.tracking.Location;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Country codes as ISO 3166-1 alpha-2, whatever the source sends (alpha-2 or alpha-3). */
public final class Locations {
    private Locations() {
    }

    public static Location of(String city, String region, String postalCode, Field countryField) {
        String country = country(countryField);
        if (city == null && region == null && postalCode == null && country == null) return Location.UNKNOWN;
        return new Location(city, region, postalCode, country);
    }

    /** {@code null} when absent; alpha-3 is translated; anything else is refused. */
    public static String country(Field field) {
        String raw = field.optionalText();
        if (raw == null) return null;
        String code = raw.toUpperCase(Locale.ROOT);
        if (code.length() == 3) {
            String alpha2 = Alpha3.TO_ALPHA2.get(code);
            if (alpha2 != null) return alpha2;
        } else if (code.length() == 2 && isLetter(code.charAt(0)) && isLetter(code.charAt(1))) {
            return code;
        }
        throw field.invalid("must be an ISO 3166-1 country code");
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Built on first use only: most webhooks carry alpha-2 codes. */
    private static final class Alpha3 {
        static final Map<String, String> TO_ALPHA2 = Stream.of(Locale.getISOCountries())
                .collect(Collectors.toUnmodifiableMap(c -> Locale.of("", c).getISO3Country(), c -> c, (a, b) -> a));
    }
}
