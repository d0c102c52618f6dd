package io.trackline.domain.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Identity of one carrier scan (PRODUCT.md §2): derived from carrier, tracking number, occurrence instant, status, raw code
 * and location — never from a webhook delivery id, so a re-sent history maps to the same keys.
 * <p>
 * The key is the first 16 bytes, in lower-case hex, of the SHA-256 of the UTF-8 of those nine parts joined by U+001F,
 * the instant as {@link Instant#toString()}, the raw code and the location parts stripped and lower-cased
 * ({@link Locale#ROOT}), absent ones empty. Stored keys depend on exactly these bytes: {@code ScanKeyTest} pins them.
 */
public record ScanKey(String value) {
    private static final byte SEPARATOR = 0x1f;
    private static final HexFormat HEX = HexFormat.of();
    private static final long YEAR_1000 = LocalDateTime.of(1000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long YEAR_10000 = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    /** One digest per thread: every webhook scan and every stored scan computes a key, and the lookup costs as much as the hash. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    public ScanKey {
        if (!isHex32(value)) throw new IllegalArgumentException("scan key must be 32 hex digits");
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
        Identity identity = new Identity();
        identity.verbatim(scan.carrier().code());
        identity.verbatim(scan.trackingNumber().value());
        identity.instant(scan.occurredAt().toInstant());
        identity.verbatim(scan.status().name());
        identity.normalised(scan.rawStatus());
        identity.normalised(l.city());
        identity.normalised(l.region());
        identity.normalised(l.postalCode());
        identity.normalised(l.country());
        MessageDigest sha256 = SHA_256.get();
        sha256.update(identity.bytes, 0, identity.length);
        return new ScanKey(HEX.formatHex(sha256.digest(), 0, 16));
    }

    private static boolean isHex32(String value) {
        if (value == null || value.length() != 32) return false;
        for (int i = 0; i < 32; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    /** The UTF-8 bytes of the joined parts, built without the intermediate strings of join, strip and lower-case. */
    private static final class Identity {
        private byte[] bytes = new byte[160];
        private int length;
        private boolean first = true;

        void verbatim(String part) {
            separate();
            append(part.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * {@link Instant#toString()}, written directly for whole seconds in four-digit years (what carriers send); other
         * instants take the JDK's formatter, whose output (fractions in groups of three, signed years) defines the key.
         */
        void instant(Instant instant) {
            long seconds = instant.getEpochSecond();
            if (instant.getNano() != 0 || seconds < YEAR_1000 || seconds >= YEAR_10000) {
                verbatim(instant.toString());
                return;
            }
            LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            separate();
            ensure(20);
            digits(t.getYear(), 4, '-');
            digits(t.getMonthValue(), 2, '-');
            digits(t.getDayOfMonth(), 2, 'T');
            digits(t.getHour(), 2, ':');
            digits(t.getMinute(), 2, ':');
            digits(t.getSecond(), 2, 'Z');
        }

        private void digits(int value, int width, char then) {
            for (int i = length + width - 1; i >= length; i--, value /= 10) bytes[i] = (byte) ('0' + value % 10);
            length += width;
            bytes[length++] = (byte) then;
        }

        /** Stripped and lower-cased; ASCII by hand, anything else the JDK's way (its case rules are not per character). */
        void normalised(String part) {
            separate();
            if (part == null) return;
            if (!ascii(part)) {
                append(part.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                return;
            }
            int start = 0;
            int end = part.length();
            while (start < end && Character.isWhitespace(part.charAt(start))) start++;
            while (end > start && Character.isWhitespace(part.charAt(end - 1))) end--;
            ensure(end - start);
            for (int i = start; i < end; i++) {
                char c = part.charAt(i);
                bytes[length++] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
        }

        private void separate() {
            if (!first) {
                ensure(1);
                bytes[length++] = SEPARATOR;
            }
            first = false;
        }

        private void append(byte[] part) {
            ensure(part.length);
            System.arraycopy(part, 0, bytes, length, part.length);
            length += part.length;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }

        private static boolean ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) return false;
            }
            return true;
        }
    }
}
