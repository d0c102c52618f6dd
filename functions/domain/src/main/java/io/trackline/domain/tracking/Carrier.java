package io.trackline.domain.tracking;

import io.trackline.domain.InvalidValueException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A carrier code: a lowercase slug such as {@code usps} or {@code fedex}. Sources that send {@code USPS} are normalised. */
public record Carrier(String code) {
    /** Names aggregators use for carriers whose canonical slug differs. */
    private static final Map<String, String> ALIASES = Map.of(
            "fedex-express", "fedex", "fedex_express", "fedex", "upsn", "ups", "ups-mail-innovations", "ups",
            "dhl-express", "dhl", "dhl_express", "dhl", "amazon-logistics", "amazon", "amazon_shipping", "amazon",
            "amzl", "amazon", "us-postal-service", "usps");

    /** Every carrier Trackline tracks, by canonical slug: registration and webhooks take these and no others. */
    public static final Set<String> KNOWN = Set.of("usps", "ups", "fedex", "dhl", "dhl-ecommerce", "amazon", "ontrac",
            "lasership", "canada-post", "purolator", "royal-mail", "dpd", "gls", "australia-post");

    public Carrier {
        if (!isSlug(code)) {
            throw new InvalidValueException("carrier", "carrier must be a lowercase slug like 'ups'");
        }
    }

    /** {@link #of} that also requires one of the {@link #KNOWN} carriers: what a client or a webhook may name. */
    public static Carrier known(String raw) {
        Carrier carrier;
        try {
            carrier = of(raw);
        } catch (IllegalArgumentException e) {
            carrier = null;
        }
        if (carrier == null || !KNOWN.contains(carrier.code())) {
            throw new InvalidValueException("carrier", "carrier must be one of " + new java.util.TreeSet<>(KNOWN));
        }
        return carrier;
    }

    /** Whether {@code code} is one of the {@link #KNOWN} carriers. */
    public boolean isKnown() {
        return KNOWN.contains(code);
    }

    /** Accepts any casing and the aliases aggregators use, e.g. {@code USPS}, {@code FedEx}, {@code dhl_express}. */
    public static Carrier of(String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidValueException("carrier", "carrier is required");
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
