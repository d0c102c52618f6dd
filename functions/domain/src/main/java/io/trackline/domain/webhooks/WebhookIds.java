package io.trackline.domain.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The {@code webhook-id} of an event sent to an endpoint: derived from both, never random, so it is the same on every
 * retry and replay and a receiver deduplicates on it. {@code msg_} and the base64url of the first 16 bytes of
 * SHA-256({@code eventId|endpointId}).
 */
public final class WebhookIds {
    private WebhookIds() {
    }

    public static String of(String eventId, String endpointId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((eventId + '|' + endpointId).getBytes(StandardCharsets.UTF_8));
            return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
