package io.trackline.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;

import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of error, so clients can branch on it;
 * {@code detail} says what to fix and never carries a stack trace or the request body.
 */
public record Problem(int status, String type, String title, String detail, Map<String, Object> extensions) {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://trackline.dev/problems/";

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, TYPE_BASE + type, title, detail, Map.of());
    }

    public Problem with(String name, Object value) {
        var copy = new java.util.LinkedHashMap<>(extensions);
        copy.put(name, value);
        return new Problem(status, type, title, detail, copy);
    }

    public APIGatewayV2HTTPResponse toResponse() {
        ObjectNode body = Json.mapper().createObjectNode()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        extensions.forEach((name, value) -> body.set(name, Json.mapper().valueToTree(value)));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", CONTENT_TYPE))
                .withBody(body.toString())
                .build();
    }
}
