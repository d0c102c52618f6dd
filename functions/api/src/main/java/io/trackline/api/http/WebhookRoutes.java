package io.trackline.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.api.application.webhooks.WebhookEndpointManagement;
import io.trackline.api.http.Router.Route;
import io.trackline.aws.Json;
import io.trackline.aws.http.Responses;
import io.trackline.domain.webhooks.EventType;
import io.trackline.domain.webhooks.port.WebhookEndpoints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook-endpoint routes of API clients ({@code x-api-key}): parse, call {@link WebhookEndpointManagement}, map its
 * result (its refusals become problems in the router, another tenant's endpoint the same {@code 404} as none).
 */
public final class WebhookRoutes {
    private static final String BASE = "/v1/webhook-endpoints";
    private static final String ONE = BASE + "/{id}";

    private WebhookRoutes() {
    }

    public static Map<String, Route> of(WebhookEndpointManagement endpoints, ClientAuthenticator clients, Cursors cursors) {
        Map<String, Route> routes = new LinkedHashMap<>();
        routes.put("POST " + BASE, r -> {
            String tenant = clients.tenantOf(r);
            var input = StrictJson.read(r, WebhookInputs.Registration.class);
            var events = input.events() == null ? EventType.DEFAULT : WebhookInputs.types(input.events());
            return Responses.json(201, WebhookJson.withSecret(endpoints.register(tenant, input.url(), events, input.description())));
        });
        routes.put("GET " + BASE, r -> {
            String tenant = clients.tenantOf(r);
            String list = "webhook-endpoints";
            var after = cursors.verify(list, tenant, r.queryParameter("cursor")).map(position -> position.get("after"));
            WebhookEndpoints.Page page = endpoints.list(tenant, r.limit(20, 100), after);
            ObjectNode body = Json.mapper().createObjectNode();
            var items = body.putArray("items");
            page.endpoints().forEach(e -> items.add(WebhookJson.endpoint(e)));
            body.put("nextCursor", page.nextAfterId().map(id -> cursors.sign(list, tenant, Map.of("after", id))).orElse(null));
            return Responses.json(200, body);
        });
        routes.put("GET " + ONE, r -> Responses.json(200, WebhookJson.endpoint(endpoints.find(clients.tenantOf(r), id(r)))));
        routes.put("PATCH " + ONE, r -> {
            String tenant = clients.tenantOf(r);
            var change = StrictJson.read(r, WebhookInputs.Change.class).validated();
            return Responses.json(200, WebhookJson.endpoint(endpoints.change(tenant, id(r), change)));
        });
        routes.put("DELETE " + ONE, r -> {
            endpoints.delete(clients.tenantOf(r), id(r));
            return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of()).build();
        });
        routes.put("POST " + ONE + "/rotate-secret", r ->
                Responses.json(200, WebhookJson.secret(endpoints.rotateSecret(clients.tenantOf(r), id(r)))));
        routes.put("POST " + ONE + "/test", r -> Responses.json(200, WebhookJson.attempt(endpoints.ping(clients.tenantOf(r), id(r)))));
        routes.put("GET " + ONE + "/deliveries", r -> {
            String tenant = clients.tenantOf(r);
            String list = "webhook-deliveries:" + id(r);
            var after = cursors.verify(list, tenant, r.queryParameter("cursor")).map(position -> position.get("after"));
            var page = endpoints.deliveries(tenant, id(r), r.limit(50, 100), after);
            ObjectNode body = Json.mapper().createObjectNode();
            var items = body.putArray("items");
            page.attempts().forEach(a -> items.add(WebhookJson.attempt(a)));
            body.put("nextCursor", page.next().map(sk -> cursors.sign(list, tenant, Map.of("after", sk))).orElse(null));
            return Responses.json(200, body);
        });
        routes.put("POST " + ONE + "/replay", r -> {
            String tenant = clients.tenantOf(r);
            var input = StrictJson.read(r, WebhookInputs.Replay.class);
            int queued = input.byEvents()
                    ? endpoints.replay(tenant, id(r), List.copyOf(input.eventIds()))
                    : endpoints.replay(tenant, id(r), input.validSince(), input.validUntil());
            return Responses.json(202, Json.mapper().createObjectNode().put("queued", queued));
        });
        return routes;
    }

    private static String id(ApiRequest r) {
        return r.pathParameter("id");
    }
}
