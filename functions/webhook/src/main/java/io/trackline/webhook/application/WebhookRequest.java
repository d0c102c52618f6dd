package io.trackline.webhook.application;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** One webhook as it reached us: the path's source, headers with lower-case names, and the raw body bytes. */
public record WebhookRequest(String source, Map<String, String> headers, byte[] body) {
    public WebhookRequest {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
        source = source == null ? "" : source.toLowerCase(Locale.ROOT);
    }

    /** The header's value, or {@code null}; names are matched lower-case, as API Gateway HTTP APIs deliver them. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
