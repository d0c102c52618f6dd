package io.trackline.local.demo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Signs the way a Standard Webhooks sender does: {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}, the key being
 * the base64 after {@code whsec_} for such secrets, or the secret's UTF-8 bytes otherwise.
 */
public final class StandardWebhooks {
    public static final String PREFIX = "whsec_";

    private StandardWebhooks() {
    }

    public static byte[] key(String secret) {
        return secret.startsWith(PREFIX)
                ? Base64.getDecoder().decode(secret.substring(PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
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
}
