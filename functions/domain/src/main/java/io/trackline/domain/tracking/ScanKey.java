package io.trackline.domain.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identity of one carrier scan (PRODUCT.md §2): derived from carrier, tracking number, occurrence instant, status, raw code
 * and location — never from a webhook delivery id, so a re-sent history maps to the same keys.
 */
public record ScanKey(String value) {
    private static final java.util.regex.Pattern HEX_32 = java.util.regex.Pattern.compile("[0-9a-f]{32}");

    public ScanKey {
        if (value == null || !HEX_32.matcher(value).matches()) throw new IllegalArgumentException("scan key must be 32 hex digits");
    }

    /**
     * The key's first 64 bits, which a shipment keeps for each scan it has seen (duplicate detection without reading
     * the history). Among n scans of one shipment two distinct scans share a fingerprint with probability below
     * n²/2⁶⁵ (about 10⁻¹⁶ for 100 scans), the key being a uniform hash.
     */
    public long fingerprint() {
        return Long.parseUnsignedLong(value, 0, 16, 16);
    }

    static ScanKey of(Scan scan) {
        Location l = scan.location();
        String identity = String.join("\u001f", scan.carrier().code(), scan.trackingNumber().value(),
                scan.occurredAt().toInstant().toString(), scan.status().name(), nullToEmpty(scan.rawStatus()),
                nullToEmpty(l.city()), nullToEmpty(l.region()), nullToEmpty(l.postalCode()), nullToEmpty(l.country()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return new ScanKey(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
