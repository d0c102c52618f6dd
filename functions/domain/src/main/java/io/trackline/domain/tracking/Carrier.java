package io.trackline.domain.tracking;

import java.util.Locale;
import java.util.Map;

/** A carrier code: a lowercase slug such as {@code usps} or {@code fedex}. Sources that send {@code USPS} are normalised. */
public record Carrier(String code) {
    /** Names aggregators use for carriers whose canonical slug differs. */
    private static final Map<String, String> ALIASES = Map.of(
            "fedex-express", "fedex", "fedex_express", "fedex", "upsn", "ups", "ups-mail-innovations", "ups",
            "dhl-express", "dhl", "dhl_express", "dhl", "amazon-logistics", "amazon", "amazon_shipping", "amazon",
            "amzl", "amazon", "us-postal-service", "usps");

    public Carrier {
        if (!isSlug(code)) {
            throw new IllegalArgumentException("carrier must be a lowercase slug like 'ups'");
        }
    }

    /** Accepts any casing and the aliases aggregators use, e.g. {@code USPS}, {@code FedEx}, {@code dhl_express}. */
    public static Carrier of(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("carrier is required");
        String slug = raw.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        return new Carrier(ALIASES.getOrDefault(slug, slug));
    }

    /** {@code [a-z0-9][a-z0-9-]{1,39}}, checked by hand: every scan builds a carrier, and the regex cost more than the rest. */
    private static boolean isSlug(String code) {
        if (code == null || code.length() < 2 || code.length() > 40 || code.charAt(0) == '-') return false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return code;
    }
}
