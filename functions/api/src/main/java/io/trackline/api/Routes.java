package io.trackline.api;

import io.trackline.api.http.AddressInput;
import io.trackline.api.application.issues.CaseJson;
import io.trackline.api.http.ClientAuthenticator;
import io.trackline.api.http.Cursors;
import io.trackline.api.http.IssueInput;
import io.trackline.api.http.PreferencesInput;
import io.trackline.api.http.PreferencesJson;
import io.trackline.api.http.Problems;
import io.trackline.api.http.RegistrationInput;
import io.trackline.view.json.ShipmentJson;
import io.trackline.api.http.StrictJson;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.api.application.address.DeliveryAddressChange;
import io.trackline.api.http.ApiRequest;
import io.trackline.api.http.Router.Route;
import io.trackline.api.application.issues.ProblemReports;
import io.trackline.api.application.preferences.PreferencesService;
import io.trackline.api.application.registration.ShipmentRegistration;
import io.trackline.view.shipment.Audience;
import io.trackline.api.application.tracking.NotificationHistory;
import io.trackline.api.application.tracking.OrderRef;
import io.trackline.api.application.tracking.OrderTracking;
import io.trackline.api.application.tracking.Page;
import io.trackline.api.application.tracking.ShipmentTracking;
import io.trackline.api.application.tracking.TrackedOrder;
import io.trackline.api.application.webhooks.WebhookEndpointManagement;
import io.trackline.api.http.WebhookRoutes;
import io.trackline.aws.Json;
import io.trackline.aws.http.Responses;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.trackline.api.http.CustomerIdentity.customerOf;
import static io.trackline.api.http.CustomerIdentity.emailOf;
import static io.trackline.api.http.OrderJson.order;
import static io.trackline.view.json.ShipmentJson.shipment;

/** The route table: for each route key, authenticate, parse, call one use case, map its result. */
final class Routes {
    private Routes() {
    }

    static Map<String, Route> of(ApiWiring ports) {
        var tracking = new ShipmentTracking(ports.queries());
        var orders = new OrderTracking(ports.queries());
        var notifications = new NotificationHistory(ports.queries());
        var addressChange = new DeliveryAddressChange(ports.queries(), ports.addresses(), ports.clock());
        var reports = new ProblemReports(ports.queries(), ports.cases(), ports.support(), ports.clock());
        var preferences = new PreferencesService(ports.preferences(), ports.emailSubscriptions(), ports.clock());
        var clients = new ClientAuthenticator(ports.apiKeys(), ports.clock(), ports.apiKeyCacheTtl());
        var cursors = new Cursors(ports.cursorKey());
        var documentation = new OpenApiDocument();

        var routes = new LinkedHashMap<String, Route>();
        routes.put("POST /v1/shipments", r -> {
            String tenant = clients.tenantOf(r);
            var command = StrictJson.read(r, RegistrationInput.class)
                    .validated(tenant, java.time.LocalDate.now(ports.clock().withZone(java.time.ZoneOffset.UTC)));
            var registered = ports.registration().register(command);
            return Responses.json(registered.created() ? 201 : 200, shipment(registered.shipment(), Audience.TENANT, false));
        });
        routes.put("GET /v1/shipments", r -> {
            String tenant = clients.tenantOf(r);
            String carrier = r.queryParameter("carrier").orElseThrow(() -> Problems.invalid("carrier", "carrier is required."));
            String number = r.queryParameter("trackingNumber")
                    .orElseThrow(() -> Problems.invalid("trackingNumber", "trackingNumber is required."));
            ObjectNode body = Json.mapper().createObjectNode();
            ArrayNode items = body.putArray("items");
            tracking.findForTenant(tenant, carrier, number).forEach(s -> items.add(shipment(s, Audience.TENANT, true)));
            return Responses.json(200, body);
        });
        routes.put("GET /v1/shipments/{id}", r ->
                Responses.json(200, shipment(tracking.forTenant(clients.tenantOf(r), r.pathParameter("id")), Audience.TENANT, true)));
        routes.put("GET /v1/shipments/{id}/notifications", r -> {
            String tenant = clients.tenantOf(r);
            String id = r.pathParameter("id");
            String list = "notifications:" + id;
            var after = cursors.verify(list, tenant, r.queryParameter("cursor"));
            var page = notifications.of(tenant, id, r.limit(50, 100), after);
            return Responses.json(200, list(page, page.items().stream().<JsonNode>map(n -> Json.mapper().valueToTree(n)).toList(),
                    cursors, list, tenant));
        });
        routes.put("GET /v1/orders/{orderId}", r -> {
            String tenant = clients.tenantOf(r);
            String orderId = r.pathParameter("orderId");
            var shipments = orders.forTenant(tenant, orderId);
            return Responses.json(200, order(orderId, shipments.getFirst().customerId(), shipments, Audience.TENANT));
        });
        routes.put("GET /v1/me/orders", r -> {
            String customer = customerOf(r);
            var after = cursors.verify("orders", customer, r.queryParameter("cursor"));
            Page<TrackedOrder> page = orders.ordersOf(customer, r.limit(20, 100), after);
            return Responses.json(200, list(page, page.items().stream().map(Routes::myOrder).toList(), cursors, "orders", customer));
        });
        routes.put("GET /v1/me/orders/{orderId}", r -> {
            TrackedOrder mine = orders.forOwner(customerOf(r), r.pathParameter("orderId"));
            return Responses.json(200, myOrder(mine));
        });
        routes.put("GET /v1/me/shipments/{id}", r ->
                Responses.json(200, shipment(tracking.forOwner(customerOf(r), r.pathParameter("id")), Audience.OWNER, true)));
        routes.put("PUT /v1/me/shipments/{id}/delivery-address", r -> {
            String customer = customerOf(r);
            String id = r.pathParameter("id");
            var address = StrictJson.read(r, AddressInput.class).validated();
            return Responses.json(200, shipment(addressChange.change(customer, id, address), Audience.OWNER, false));
        });
        routes.put("POST /v1/me/shipments/{id}/issues", r -> {
            String customer = customerOf(r);
            String id = r.pathParameter("id");
            var input = StrictJson.read(r, IssueInput.class);
            var opened = reports.report(customer, id, input.validatedType(), input.validatedDescription());
            return Responses.json(201, CaseJson.of(opened));
        });
        routes.put("GET /v1/me/notification-preferences", r ->
                Responses.json(200, PreferencesJson.of(preferences.of(customerOf(r)))));
        routes.put("PUT /v1/me/notification-preferences", r -> {
            String customer = customerOf(r);
            var input = StrictJson.read(r, PreferencesInput.class);
            var wanted = input.validated();
            var email = java.util.Optional.ofNullable(input.validatedEmail()).or(() -> emailOf(r));
            return Responses.json(200, PreferencesJson.of(preferences.replace(customer, wanted, email)));
        });
        routes.put("GET /v1/track/{carrier}/{trackingNumber}", r ->
                Responses.json(200, ShipmentJson.publicPackage(
                        tracking.publicly(r.pathParameter("carrier"), r.pathParameter("trackingNumber")))));
        routes.putAll(WebhookRoutes.of(new WebhookEndpointManagement(ports.webhooks(), ports.clock()), clients, cursors));
        routes.put("GET /v1/openapi.json", r -> documentation.response());
        return routes;
    }

    private static ObjectNode myOrder(TrackedOrder o) {
        ObjectNode json = order(o.orderId(), o.customerId(), o.shipments(), Audience.OWNER);
        json.put("id", new OrderRef(o.tenantId(), o.orderId()).encoded());
        json.put("createdAt", o.createdAt() == null ? null : o.createdAt().toString());
        return json;
    }

    private static ObjectNode list(Page<?> page, java.util.List<? extends JsonNode> items,
                                   Cursors cursors, String list, String owner) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.putArray("items").addAll(items);
        body.put("nextCursor", page.next().map(next -> cursors.sign(list, owner, next)).orElse(null));
        return body;
    }
}
