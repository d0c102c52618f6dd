package io.trackline.domain.tracking;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** A carrier code: a lowercase slug such as {@code usps} or {@code fedex}. Sources that send {@code USPS} are normalised. */
public record Carrier(String code) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    /** Names aggregators use for carriers whose canonical slug differs. */
    private static final Map<String, String> ALIASES = Map.of(
            "fedex-express", "fedex", "fedex_express", "fedex", "upsn", "ups", "ups-mail-innovations", "ups",
            "dhl-express", "dhl", "dhl_express", "dhl", "amazon-logistics", "amazon", "amazon_shipping", "amazon",
            "amzl", "amazon", "us-postal-service", "usps");

    public Carrier {
        if (code == null || !SLUG.matcher(code).matches()) {
            throw new IllegalArgumentException("carrier must be a lowercase slug like 'ups'");
        }
    }

    /** Accepts any casing and the aliases aggregators use, e.g. {@code USPS}, {@code FedEx}, {@code dhl_express}. */
    public static Carrier of(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("carrier is required");
        String slug = raw.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        return new Carrier(ALIASES.getOrDefault(slug, slug));
    }

    @Override
    public String toString() {
        return code;
    }
}
