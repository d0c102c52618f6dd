package io.trackline.bench.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.webhook.WebhookHandler;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs in a fresh JVM whose class path is only the webhook function jar and this class: builds the handler as Lambda
 * does (no-arg constructor, settings from the environment), handles one API Gateway event file, prints the response.
 * It references nothing outside the function jar, so the JVM loads what Lambda would load.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        WebhookHandler handler = new WebhookHandler();
        long constructed = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(new File(args[0])), null);
        long handled = System.nanoTime();
        System.out.println("RESPONSE " + response.getStatusCode() + " " + response.getBody()
                + " init_ms=" + (constructed - start) / 1_000_000 + " first_request_ms=" + (handled - constructed) / 1_000_000
                + " jvm_cpu_ms=" + ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L));
    }

    private static APIGatewayV2HTTPEvent event(File file) throws Exception {
        JsonNode json = Json.mapper().readTree(file);
        Map<String, String> headers = new HashMap<>();
        json.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(json.path("routeKey").asText())
                .withHeaders(headers)
                .withPathParameters(Map.of("source", json.path("pathParameters").path("source").asText()))
                .withBody(json.path("body").asText())
                .withIsBase64Encoded(json.path("isBase64Encoded").asBoolean())
                .build();
    }
}
