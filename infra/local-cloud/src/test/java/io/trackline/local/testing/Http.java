package io.trackline.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for talking to the local cloud as any client would. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) request.headers(headers);
        return send(request);
    }

    public static HttpResponse<String> post(URI uri, String contentType, byte[] body, String... headers) {
        return withBody("POST", uri, contentType, body, headers);
    }

    public static HttpResponse<String> put(URI uri, String contentType, byte[] body, String... headers) {
        return withBody("PUT", uri, contentType, body, headers);
    }

    private static HttpResponse<String> withBody(String method, URI uri, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("content-type", contentType);
        if (headers.length > 0) request.headers(headers);
        return send(request);
    }
}
