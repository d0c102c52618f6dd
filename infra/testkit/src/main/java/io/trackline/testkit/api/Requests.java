package io.trackline.testkit.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;

import java.util.HashMap;
import java.util.Map;

/** API Gateway (payload 2.0) events as the HTTP API delivers them, for one route key. */
public final class Requests {
    private final String routeKey;
    private final Map<String, String> path = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private Map<String, String> claims;
    private String body;

    private Requests(String routeKey) {
        this.routeKey = routeKey;
    }

    public static Requests route(String routeKey) {
        return new Requests(routeKey);
    }

    public Requests path(String name, String value) {
        path.put(name, value);
        return this;
    }

    public Requests query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public Requests header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Requests apiKey(String key) {
        return header("x-api-key", key);
    }

    /** The claims API Gateway's JWT authorizer puts in the context after validating the token. */
    public Requests customer(String sub) {
        claims = Map.of("sub", sub, "iss", "https://issuer.example", "aud", "trackline");
        return this;
    }

    public Requests claims(Map<String, String> values) {
        claims = values;
        return this;
    }

    public Requests body(String json) {
        headers.putIfAbsent("content-type", "application/json");
        body = json;
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        String[] methodAndPath = routeKey.split(" ", 2);
        String rawPath = methodAndPath[1];
        for (var p : path.entrySet()) rawPath = rawPath.replace("{" + p.getKey() + "}", p.getValue());
        var context = RequestContext.builder()
                .withRouteKey(routeKey).withStage("$default").withRequestId("test")
                .withHttp(RequestContext.Http.builder().withMethod(methodAndPath[0]).withPath(rawPath).build());
        if (claims != null) {
            context.withAuthorizer(RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(routeKey).withRawPath(rawPath)
                .withHeaders(headers).withPathParameters(path.isEmpty() ? null : path)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body).withRequestContext(context.build()).build();
    }
}
