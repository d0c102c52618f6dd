package io.trackline.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Serves the OpenAPI 3.1 document that describes this API, read once from the jar. */
final class OpenApiDocument {
    static final String RESOURCE = "/openapi.json";
    private volatile String body;

    APIGatewayV2HTTPResponse response() {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json", "cache-control", "public, max-age=300"))
                .withBody(body())
                .build();
    }

    private String body() {
        String b = body;
        if (b == null) {
            try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("openapi.json is missing from the jar");
                b = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                body = b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }
}
