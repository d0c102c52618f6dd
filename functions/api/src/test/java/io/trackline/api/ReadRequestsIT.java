package io.trackline.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.api.application.auth.ApiKey;
import io.trackline.testkit.api.Cloud;
import io.trackline.testkit.api.Requests;
import io.trackline.api.support.Seed;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Json;
import io.trackline.testkit.engine.AwsCallCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.trackline.testkit.api.Requests.route;
import static io.trackline.api.support.Seed.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DynamoDB requests each read route makes (README "API", Reads), counted by an SDK interceptor on the API's own
 * clients against moto, with the API key already in the container's cache. Prints one line per route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadRequestsIT {
    private final String tenant = unique("tenant-");
    private final String customer = unique("cust-");
    private final String key = ApiKey.generate();
    private final AwsCallCounter counter = new AwsCallCounter();
    private Cloud cloud;
    private ApiHandler handler;
    private Seed.Shipment first;

    @BeforeAll
    void seedAnOrderOfTwoShipments() {
        cloud = new Cloud();
        var seed = new Seed(cloud.dynamo, Cloud.TABLE);
        seed.apiKey(key, tenant);
        String orderId = unique("o-");
        first = seed.shipment(tenant, orderId, customer).save();
        var second = seed.shipment(tenant, orderId, customer).save();
        seed.order(tenant, orderId, customer, Instant.now().minusSeconds(7200), List.of(first.id, second.id));
        for (int i = 0; i < 5; i++) {
            seed.scan(first.id, OffsetDateTime.now(ZoneOffset.UTC).minusHours(10 - i), "IN_TRANSIT", "Peoria", "Departed");
        }
        seed.notification(first.id, Instant.now(), "SENT", "default alert");
        var settings = cloud.apiSettings(Map.of("API_KEY_CACHE_TTL", "PT1H"));
        handler = new ApiHandler(ApiWiring.from(settings, new AwsClients(settings, List.of(counter))));
        handler.handleRequest(route("GET /v1/shipments/{id}").path("id", first.id).apiKey(key).build(), null);
    }

    @AfterAll
    void stopCloud() {
        cloud.close();
    }

    Stream<Arguments> readRoutes() {
        return Stream.of(
                reads(1, "GET /v1/shipments/{id}", () -> route("GET /v1/shipments/{id}").path("id", first.id).apiKey(key)),
                reads(1, "GET /v1/me/shipments/{id}", () -> route("GET /v1/me/shipments/{id}").path("id", first.id).customer(customer)),
                reads(1, "GET /v1/shipments/{id}/notifications", () ->
                        route("GET /v1/shipments/{id}/notifications").path("id", first.id).apiKey(key)),
                reads(1, "GET /v1/me/notification-preferences", () -> route("GET /v1/me/notification-preferences").customer(customer)),
                reads(2, "GET /v1/shipments?carrier&trackingNumber", () -> route("GET /v1/shipments")
                        .query("carrier", "ups").query("trackingNumber", first.trackingNumber()).apiKey(key)),
                reads(2, "GET /v1/track/{carrier}/{trackingNumber}", () -> route("GET /v1/track/{carrier}/{trackingNumber}")
                        .path("carrier", "ups").path("trackingNumber", first.trackingNumber())),
                reads(2, "GET /v1/orders/{orderId}", () -> route("GET /v1/orders/{orderId}").path("orderId", first.orderId).apiKey(key)),
                reads(2, "GET /v1/me/orders", () -> route("GET /v1/me/orders").customer(customer)),
                reads(2, "GET /v1/me/orders/{orderId}", () -> route("GET /v1/me/orders/{orderId}")
                        .path("orderId", myOrderId()).customer(customer)));
    }

    @ParameterizedTest(name = "{1}: {0} DynamoDB request(s)")
    @MethodSource("readRoutes")
    void shouldReadWithTheStatedNumberOfRequests(int expected, String route, Supplier<Requests> request) {
        var event = request.get().build();
        long before = counter.total();

        var response = handler.handleRequest(event, null);

        long requests = counter.total() - before;
        System.out.printf("read requests  %-45s %d%n", route, requests);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(requests).isEqualTo(expected);
    }

    private static Arguments reads(int expected, String route, Supplier<Requests> request) {
        return Arguments.of(expected, route, request);
    }

    /** The customer's name for the order, as "Your Orders" gives it (read outside the count). */
    private String myOrderId() {
        APIGatewayV2HTTPResponse orders = handler.handleRequest(route("GET /v1/me/orders").customer(customer).build(), null);
        try {
            JsonNode body = Json.mapper().readTree(orders.getBody());
            return body.path("items").get(0).path("id").asText();
        } catch (IOException e) {
            throw new AssertionError(orders.getBody(), e);
        }
    }
}
