package io.trackline.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a route needs from an API Gateway (payload 2.0) event: path and query parameters, headers, claims, body. */
public record ApiRequest(Map<String, String> path, Map<String, String> query,
                         Map<String, String> headers, Map<String, String> claims, String body) {
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_PATH_PARAMETER = 256;

    public static ApiRequest of(APIGatewayV2HTTPEvent event, Map<String, String> pathParameters) {
        return new ApiRequest(pathParameters, orEmpty(event.getQueryStringParameters()),
                lowerCased(event.getHeaders()), claimsOf(event), bodyOf(event));
    }

    /** A path parameter; one that no id could be (blank, or longer than any key part) is simply not found. */
    public String pathParameter(String name) {
        String value = path.get(name);
        if (value == null || value.isBlank() || value.length() > MAX_PATH_PARAMETER) throw Problems.notFound();
        return value;
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).filter(v -> !v.isBlank());
    }

    /** A list's page size: {@code limit} in 1..max, {@code fallback} when absent. */
    public int limit(int fallback, int max) {
        String raw = queryParameter("limit").orElse(null);
        if (raw == null) return fallback;
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= max) return value;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw Problems.invalid("limit", "limit must be a whole number from 1 to " + max + ".");
    }

    private static Map<String, String> claimsOf(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) return Map.of();
        return orEmpty(context.getAuthorizer().getJwt().getClaims());
    }

    private static String bodyOf(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) return null;
        if (event.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw Problems.malformedBody("The body is marked base64 but is not.");
            }
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) throw Problems.bodyTooLarge(MAX_BODY_BYTES);
        return body;
    }

    private static Map<String, String> lowerCased(Map<String, String> headers) {
        if (headers == null) return Map.of();
        var copy = new java.util.HashMap<String, String>();
        headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
        return copy;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
