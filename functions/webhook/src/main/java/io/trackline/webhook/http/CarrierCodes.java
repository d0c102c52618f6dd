package io.trackline.webhook.http;

import io.trackline.domain.tracking.Carrier;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The carrier codes a source may send and the canonical slug each means. A code is accepted when the source's own
 * table names it, or when {@link Carrier#of} normalises it (case, aliases such as {@code fedex-express}) to a carrier
 * Trackline knows; anything else is refused, since a scan for an unknown carrier can never match a shipment.
 */
public final class CarrierCodes {
    /** Every carrier Trackline tracks, by canonical slug: the domain's {@link Carrier#KNOWN}, which registration uses too. */
    public static final Set<String> KNOWN = Carrier.KNOWN;

    private final Map<String, String> vendorCodes;

    /** {@code vendorCodes}: the source's spelling (matched case-insensitively) → canonical slug. */
    public CarrierCodes(Map<String, String> vendorCodes) {
        var lowerCased = new java.util.HashMap<String, String>();
        vendorCodes.forEach((code, slug) -> {
            if (!KNOWN.contains(slug)) throw new IllegalArgumentException("unknown slug " + slug);
            lowerCased.put(code.toLowerCase(Locale.ROOT), slug);
        });
        this.vendorCodes = Map.copyOf(lowerCased);
    }

    public Carrier require(Field field) {
        String raw = field.requireText();
        String slug = vendorCodes.get(raw.toLowerCase(Locale.ROOT));
        if (slug != null) return new Carrier(slug);
        try {
            return Carrier.known(raw);
        } catch (IllegalArgumentException unknown) {
            throw field.invalid("is not a carrier code this source may send");
        }
    }
}
