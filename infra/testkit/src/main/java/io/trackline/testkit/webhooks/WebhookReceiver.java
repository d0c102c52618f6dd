package io.trackline.testkit.webhooks;

import com.sun.net.httpserver.HttpServer;
import io.trackline.domain.webhooks.StandardWebhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * An API client's webhook receiver for the tests of webhooks to API clients, a real HTTP server on 127.0.0.1: each path is one endpoint, answering what its
 * script says for the n-th request (from 1) of a {@code webhook-id}; every request is recorded with its answer and when
 * it arrived ({@link System#nanoTime}).
 */
public final class WebhookReceiver implements AutoCloseable {
    public record Received(String path, String webhookId, long timestamp, String signature, String contentType, byte[] body, int status,
                           long arrivedNanos) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        public boolean verifies(List<String> secrets) {
            return StandardWebhooks.verifies(signature, secrets, webhookId, timestamp, body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, BiFunction<String, Integer, Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            int nth = counts.merge(path + "|" + id, 1, Integer::sum);
            int status = scripts.getOrDefault(path, (webhookId, n) -> 200).apply(id, nth);
            synchronized (received) {
                received.add(new Received(path, id, Long.parseLong(headers.getFirst("webhook-timestamp")),
                        headers.getFirst("webhook-signature"), headers.getFirst("content-type"), body, status, arrived));
            }
            byte[] answer = ("{\"seen\":" + nth + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The URL of an endpoint that answers {@code script.apply(webhookId, nth)}. */
    public String endpoint(String path, BiFunction<String, Integer, Integer> script) {
        scripts.put(path, script);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path).toString();
    }

    public void script(String path, BiFunction<String, Integer, Integer> script) {
        scripts.put(path, script);
    }

    public List<Received> at(String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
