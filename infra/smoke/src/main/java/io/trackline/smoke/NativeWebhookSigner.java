package io.trackline.smoke;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a native webhook as a Standard Webhooks sender does (README "Webhooks"): {@code webhook-signature:
 * v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}, where a {@code whsec_} secret's key is its base64-decoded rest and
 * any other secret's key its UTF-8 bytes. A copy of what the webhook function verifies, so that the smoke needs nothing
 * but the JDK; {@code NativeWebhookSignerTest} holds it to the spec's test vector and to the function's verifier. The
 * local cloud signs its demo webhooks and makes its demo secrets with it too.
 */
public final class NativeWebhookSigner {
    public static final String PREFIX = "whsec_";

    private NativeWebhookSigner() {
    }

    public static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                byte[] decoded = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
                if (decoded.length > 0) return decoded;
            } catch (IllegalArgumentException notBase64) {
                // the verifier falls back to the UTF-8 bytes too
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    public static String signature(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** The three headers of one delivery (names lower-case, as API Gateway passes them on). */
    public static Map<String, String> headers(String secret, String id, long timestamp, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature(secret, id, timestamp, body));
        return headers;
    }
}
