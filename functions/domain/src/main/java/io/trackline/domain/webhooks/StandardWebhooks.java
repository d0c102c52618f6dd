package io.trackline.domain.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks v1 (standardwebhooks.com), the one implementation of it in Trackline (JDK only): the carriers'
 * native webhooks are verified with it, API clients' webhooks are signed with it, and the smoke signs its webhooks with
 * it. {@code webhook-signature} holds space-separated {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>} entries,
 * one per active secret; a {@code whsec_} secret's key is its base64-decoded rest, any other secret's its UTF-8 bytes.
 */
public final class StandardWebhooks {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";

    /** One Mac per thread: looking the algorithm up costs more than the HMAC of a small body. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    private StandardWebhooks() {
    }

    public static byte[] key(String secret) {
        if (secret.startsWith(SECRET_PREFIX)) {
            try {
                byte[] decoded = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
                if (decoded.length > 0) return decoded;
            } catch (IllegalArgumentException notBase64) {
                // a plain secret that happens to start with the prefix: its UTF-8 bytes
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The raw HMAC of {@code id.timestamp.body} with one secret. */
    public static byte[] mac(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** One {@code v1,<base64>} entry. */
    public static String signature(String secret, String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(secret, id, timestamp, body));
    }

    /** The {@code webhook-signature} value signed with every given secret, newest first, space-separated. */
    public static String signatures(List<String> secrets, String id, long timestamp, byte[] body) {
        if (secrets.isEmpty()) throw new IllegalArgumentException("signing needs a secret");
        return secrets.stream().map(s -> signature(s, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    /** The three headers of one delivery signed with one secret (names lower-case, as API Gateway passes them on). */
    public static java.util.Map<String, String> headers(String secret, String id, long timestamp, byte[] body) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(SIGNATURE, signature(secret, id, timestamp, body));
        return headers;
    }

    /** The decoded {@code v1} entries of a header; other versions (e.g. asymmetric {@code v1a}) and undecodable ones are skipped. */
    public static List<byte[]> v1Entries(String header) {
        List<byte[]> decoded = new ArrayList<>();
        for (String entry : header.split(" ")) {
            if (!entry.startsWith("v1,")) continue;
            try {
                decoded.add(Base64.getDecoder().decode(entry.substring(3)));
            } catch (IllegalArgumentException notBase64) {
                // skipped, as the specification says
            }
        }
        return decoded;
    }

    /** Whether any {@code v1} entry of the header matches any secret (constant-time comparisons). */
    public static boolean verifies(String header, List<String> secrets, String id, long timestamp, byte[] body) {
        List<byte[]> given = v1Entries(header);
        for (String secret : secrets) {
            byte[] expected = mac(secret, id, timestamp, body);
            for (byte[] signature : given) {
                if (MessageDigest.isEqual(expected, signature)) return true;
            }
        }
        return false;
    }
}
