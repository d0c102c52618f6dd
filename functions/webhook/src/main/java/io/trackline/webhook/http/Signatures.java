package io.trackline.webhook.http;

import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** HMAC-SHA256 and the checks every signature scheme shares. Comparisons are constant-time. */
public final class Signatures {
    /** Longer signature headers are refused before any parsing: no scheme needs more, even with several signatures. */
    public static final int MAX_HEADER_LENGTH = 2048;
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private Signatures() {
    }

    /** One Mac per thread: looking the algorithm up costs more than the HMAC of a small body. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    public static byte[] hmacSha256(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            if (prefix != null) mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static boolean matches(byte[] expected, byte[] given) {
        return given != null && MessageDigest.isEqual(expected, given);
    }

    /** The header's value, refused when missing, empty or oversized. */
    public static String requireHeader(WebhookRequest request, String name) {
        String value = request.header(name);
        if (value == null || value.isBlank()) throw WebhookRejected.unauthorized("the " + name + " header is missing");
        if (value.length() > MAX_HEADER_LENGTH) throw WebhookRejected.unauthorized("the " + name + " header is too long");
        return value.strip();
    }

    /** Lower- or upper-case hex, or {@code null} when it is not hex. */
    public static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Standard base64, or {@code null} when it is not base64. */
    public static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Unix seconds within {@link #TOLERANCE} of now, either way: older ones may be replays, newer ones forged. */
    public static void requireFresh(String header, String unixSeconds, Instant now) {
        if (unixSeconds == null || unixSeconds.isEmpty() || unixSeconds.length() > 12 || !unixSeconds.chars().allMatch(Character::isDigit)) {
            throw WebhookRejected.unauthorized("the " + header + " timestamp must be unix seconds");
        }
        long skew = Math.abs(now.getEpochSecond() - Long.parseLong(unixSeconds));
        if (skew > TOLERANCE.toSeconds()) {
            throw WebhookRejected.unauthorized("the " + header + " timestamp is more than 5 minutes away from now");
        }
    }

    public static WebhookRejected mismatch() {
        return WebhookRejected.unauthorized("the signature does not match the body with any active secret");
    }

    public static WebhookRejected noSecret(String source) {
        return WebhookRejected.unauthorized("no signing secret is configured for " + source);
    }
}
