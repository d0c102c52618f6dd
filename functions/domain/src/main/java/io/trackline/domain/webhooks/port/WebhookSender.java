package io.trackline.domain.webhooks.port;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Port: one HTTP POST to a receiver, connecting only to the given, already checked addresses; no redirects followed,
 * a bounded wait and a bounded read of the answer.
 */
public interface WebhookSender {
    Response send(URI url, List<InetAddress> addresses, Map<String, String> headers, byte[] body);

    /**
     * @param statusCode absent when there was no HTTP answer, and then {@code error} says why
     * @param excerpt    the start of the answer's body (UTF-8, lossy)
     */
    record Response(Integer statusCode, String excerpt, String error, long durationMs) {
    }
}
