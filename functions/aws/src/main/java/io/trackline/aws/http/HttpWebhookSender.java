package io.trackline.aws.http;

import io.trackline.domain.webhooks.port.WebhookSender;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Webhooks to API clients over the JDK's {@link HttpClient} (no Apache or Netty): redirects never followed, the whole
 * exchange bounded by {@link #TIMEOUT}, at most {@link #MAX_READ} bytes of the answer read. The client connects to the
 * address the JVM's resolver answered, which {@link io.trackline.domain.webhooks.DestinationPolicy} checked just
 * before: the JVM keeps a positive answer for {@code networkaddress.cache.ttl} (set to 30 s here), so the connection
 * goes to the checked address, not to a second DNS answer (rebinding).
 */
public final class HttpWebhookSender implements WebhookSender {
    /** A delivery's limit: 2xx within 10 s is success. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final int MAX_READ = 64 * 1024;
    static final int EXCERPT = 1024;

    static {
        Security.setProperty("networkaddress.cache.ttl", "30");
    }

    private final Duration timeout;
    /**
     * Built on the first send ({@link #client()}): a JDK HttpClient takes about 0.4 s to build under Lambda's C1-only
     * JIT, paid by every cold start that built it, while the fan-out never sends and the API only for a test ping.
     */
    private volatile HttpClient client;

    public HttpWebhookSender() {
        this(TIMEOUT);
    }

    /** @param timeout the whole exchange's limit (the API's test ping waits less, to answer within its own limit) */
    public HttpWebhookSender(Duration timeout) {
        this.timeout = timeout;
    }

    /** Each exchange on a virtual thread of its own, so a receiver trickling its answer is cut off at the timeout too. */
    private final ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public Response send(URI url, List<InetAddress> addresses, Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        Future<Response> exchange = exchanges.submit(() -> exchange(url, headers, body, start));
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return failed("no complete answer within " + timeout.toSeconds() + " s", start);
        } catch (ExecutionException e) {
            return failed(e.getCause().getClass().getSimpleName(), start);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return failed("interrupted", start);
        }
    }

    private Response exchange(URI url, Map<String, String> headers, byte[] body, long start) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] read;
            try (InputStream in = response.body()) {
                read = in.readNBytes(MAX_READ);
            }
            String text = new String(read, 0, Math.min(read.length, EXCERPT * 4), StandardCharsets.UTF_8);
            return new Response(response.statusCode(), text.length() > EXCERPT ? text.substring(0, EXCERPT) : text, null,
                    millisSince(start));
        } catch (HttpConnectTimeoutException e) {
            return failed("connect timeout after " + timeout.toSeconds() + " s", start);
        } catch (HttpTimeoutException e) {
            return failed("no answer within " + timeout.toSeconds() + " s", start);
        } catch (ConnectException e) {
            return failed("connection refused", start);
        } catch (IOException e) {
            return failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted", start);
        }
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built != null) return built;
        synchronized (this) {
            if (client == null) client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
            return client;
        }
    }

    private static Response failed(String error, long start) {
        return new Response(null, null, error, millisSince(start));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
