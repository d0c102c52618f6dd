package io.trackline.api.application.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How a customer names an order: order ids are only unique within a tenant, so the customer routes use a reference
 * that carries both. It is not a secret; every customer route still checks that the order is the caller's.
 */
public record OrderRef(String tenantId, String orderId) {
    public String encoded() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((tenantId + "\n" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<OrderRef> decode(String value) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int newline = raw.indexOf('\n');
            if (newline <= 0 || newline == raw.length() - 1 || raw.indexOf('\n', newline + 1) >= 0) return Optional.empty();
            return Optional.of(new OrderRef(raw.substring(0, newline), raw.substring(newline + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
