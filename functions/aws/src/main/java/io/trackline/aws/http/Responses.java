package io.trackline.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackline.aws.Json;

import java.util.Map;

/** JSON responses for HTTP API (payload format 2.0) handlers. */
public final class Responses {
    private Responses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(Json.mapper().writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response bodies always serialise", e);
        }
    }
}
