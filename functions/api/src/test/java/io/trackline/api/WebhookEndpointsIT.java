package io.trackline.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.api.application.auth.ApiKey;
import io.trackline.api.support.OpenApiContract;
import io.trackline.api.support.Seed;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Json;
import io.trackline.aws.Settings;
import io.trackline.aws.queue.WebhookDeliveryCodec;
import io.trackline.domain.webhooks.Delivery;
import io.trackline.domain.webhooks.EventType;
import io.trackline.domain.webhooks.WebhookIds;
import io.trackline.emulator.Emulator;
import io.trackline.engine.dynamodb.DynamoDbDeliveryLog;
import io.trackline.testkit.api.Requests;
import io.trackline.testkit.cloud.Stack;
import io.trackline.testkit.cloud.TemplateStack;
import io.trackline.testkit.webhooks.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackline.api.support.Seed.unique;
import static io.trackline.testkit.api.Requests.route;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook-endpoint routes of ApiHandler built from its settings (as the local cloud builds it) on the emulator, with
 * a real HTTP receiver for the test pings. Every answer is also held to the OpenAPI document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookEndpointsIT {
    private Emulator emulator;
    private Stack stack;
    private AwsClients clients;
    private ApiHandler handler;
    private WebhookReceiver receiver;
    private final String tenantX = unique("tenant-x-");
    private final String tenantY = unique("tenant-y-");
    private final String keyX = ApiKey.generate();
    private final String keyY = ApiKey.generate();

    @BeforeAll
    void start() {
        emulator = Emulator.start();
        stack = TemplateStack.provision(emulator.endpoint(), TemplateStack.freshPrefix(), Optional.of(Duration.ofSeconds(30)));
        Map<String, String> values = new HashMap<>(Map.of(
                "AWS_ENDPOINT_URL", emulator.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "TABLE_NAME", stack.tables().get("TrackingTable"),
                "WEBHOOK_DELIVERY_QUEUE_URL", stack.queue("WebhookDeliveryQueue").url(),
                "CURSOR_KEY", "integration-test-cursor-key-of-at-least-32-bytes",
                "API_KEY_CACHE_TTL", "PT0S",
                "WEBHOOK_ALLOW_LOOPBACK_HTTP", "true"));
        Settings settings = Settings.of(values);
        clients = new AwsClients(settings);
        handler = new ApiHandler(ApiWiring.from(settings));
        receiver = new WebhookReceiver();
        Seed seed = new Seed(clients.dynamoDb(), stack.tables().get("TrackingTable"));
        seed.apiKey(keyX, tenantX);
        seed.apiKey(keyY, tenantY);
    }

    @AfterAll
    void stop() {
        receiver.close();
        emulator.close();
    }

    @Test
    void shouldRegisterPingRotateAndListAttempts_whenTheTenantManagesItsEndpoint() {
        String url = receiver.endpoint("/api-ping", (id, nth) -> 204);

        JsonNode created = json(expect(201, route("POST /v1/webhook-endpoints").apiKey(keyX)
                .body("{\"url\": \"" + url + "\", \"description\": \"order system\"}")));
        String id = created.path("id").asText();
        String secret = created.path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(created.path("status").asText()).isEqualTo("ENABLED");
        assertThat(created.path("events")).extracting(JsonNode::asText).containsExactlyInAnyOrder("shipment.status_changed",
                "shipment.eta_changed", "shipment.delayed", "shipment.exception", "case.opened");
        JsonNode read = json(expect(200, route("GET /v1/webhook-endpoints/{id}").path("id", id).apiKey(keyX)));
        assertThat(read.has("secret")).as("the secret is shown on creation and rotation only").isFalse();

        JsonNode ping = json(expect(200, route("POST /v1/webhook-endpoints/{id}/test").path("id", id).apiKey(keyX)));
        assertThat(ping.path("statusCode").asInt()).isEqualTo(204);
        assertThat(ping.path("succeeded").asBoolean()).isTrue();
        WebhookReceiver.Received first = receiver.at("/api-ping").getFirst();
        assertThat(first.verifies(List.of(secret))).isTrue();
        assertThat(json(first.text()).path("type").asText()).isEqualTo("ping");

        String rotated = json(expect(200, route("POST /v1/webhook-endpoints/{id}/rotate-secret").path("id", id).apiKey(keyX)))
                .path("secret").asText();
        expect(200, route("POST /v1/webhook-endpoints/{id}/test").path("id", id).apiKey(keyX));
        WebhookReceiver.Received second = receiver.at("/api-ping").get(1);
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(second.signature().split(" ")).hasSize(2);
        assertThat(second.verifies(List.of(secret))).isTrue();
        assertThat(second.verifies(List.of(rotated))).isTrue();

        JsonNode page = json(expect(200, route("GET /v1/webhook-endpoints/{id}/deliveries").path("id", id).query("limit", "1").apiKey(keyX)));
        assertThat(page.path("items")).hasSize(1);
        JsonNode next = json(expect(200, route("GET /v1/webhook-endpoints/{id}/deliveries").path("id", id)
                .query("cursor", page.path("nextCursor").asText()).apiKey(keyX)));
        assertThat(next.path("items")).hasSize(1);
        assertThat(next.path("items").get(0).path("at").asText()).isLessThanOrEqualTo(page.path("items").get(0).path("at").asText());
    }

    @Test
    void shouldAnswerNotFoundAndChangeNothing_whenAnotherTenantTouchesTheEndpoint() {
        String url = receiver.endpoint("/not-yours", (id, nth) -> 200);
        String id = json(expect(201, route("POST /v1/webhook-endpoints").apiKey(keyX).body("{\"url\": \"" + url + "\"}"))).path("id").asText();

        List<Requests> asY = List.of(
                route("GET /v1/webhook-endpoints/{id}").path("id", id),
                route("PATCH /v1/webhook-endpoints/{id}").path("id", id).body("{\"status\": \"DISABLED\"}"),
                route("DELETE /v1/webhook-endpoints/{id}").path("id", id),
                route("POST /v1/webhook-endpoints/{id}/rotate-secret").path("id", id),
                route("POST /v1/webhook-endpoints/{id}/test").path("id", id),
                route("GET /v1/webhook-endpoints/{id}/deliveries").path("id", id),
                route("POST /v1/webhook-endpoints/{id}/replay").path("id", id).body("{\"eventIds\": [\"evt-1\"]}"));
        for (Requests request : asY) {
            JsonNode problem = json(expect(404, request.apiKey(keyY)));
            assertThat(problem.path("type").asText()).endsWith("/not-found");
        }
        JsonNode listedForY = json(expect(200, route("GET /v1/webhook-endpoints").apiKey(keyY)));

        assertThat(listedForY.path("items")).noneMatch(e -> e.path("id").asText().equals(id));
        assertThat(receiver.at("/not-yours")).isEmpty();
        assertThat(json(expect(200, route("GET /v1/webhook-endpoints/{id}").path("id", id).apiKey(keyX))).path("status").asText())
                .isEqualTo("ENABLED");
    }

    @Test
    void shouldRefuseEveryUnsafeUrl_whenRegisteringOrChanging() {
        String id = json(expect(201, route("POST /v1/webhook-endpoints").apiKey(keyX)
                .body("{\"url\": \"" + receiver.endpoint("/safe", (i, n) -> 200) + "\"}"))).path("id").asText();
        List<String> unsafe = List.of("http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/", "https://10.0.0.8/hooks",
                "https://172.16.4.4/", "https://192.168.1.1/", "https://100.64.0.1/", "https://127.0.0.2/", "http://localhost:8080/",
                "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/", "https://[::ffff:10.0.0.1]/", "https://224.0.0.1/",
                "https://0.0.0.0/", "ftp://example.com/", "https://user:pw@203.0.114.9/", "http://10.0.0.8:80/",
                "https://no-such-host.invalid/");
        for (String url : unsafe) {
            JsonNode refused = json(expect(400, route("POST /v1/webhook-endpoints").apiKey(keyX).body("{\"url\": \"" + url + "\"}")));
            assertThat(refused.path("field").asText()).as(url).isEqualTo("url");
            JsonNode unchanged = json(expect(400, route("PATCH /v1/webhook-endpoints/{id}").path("id", id).apiKey(keyX)
                    .body("{\"url\": \"" + url + "\"}")));
            assertThat(unchanged.path("field").asText()).as(url).isEqualTo("url");
        }
    }

    @Test
    void shouldQueueKeptDeliveriesAgainWithTheSameWebhookId_whenReplayed() {
        String id = json(expect(201, route("POST /v1/webhook-endpoints").apiKey(keyX)
                .body("{\"url\": \"" + receiver.endpoint("/replayed", (i, n) -> 200) + "\"}"))).path("id").asText();
        var log = new DynamoDbDeliveryLog(clients.dynamoDb(), stack.tables().get("TrackingTable"), Clock.systemUTC());
        Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
        List<Delivery> kept = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            kept.add(new Delivery(tenantX, id, "evt-replay-" + i, EventType.STATUS_CHANGED, "{\"n\":" + i + "}", t0.plusSeconds(60L * i)));
            log.keep(kept.getLast());
        }

        JsonNode window = json(expect(202, route("POST /v1/webhook-endpoints/{id}/replay").path("id", id).apiKey(keyX)
                .body("{\"since\": \"2026-03-02T09:00:00Z\", \"until\": \"2026-03-02T09:02:00Z\"}")));
        JsonNode named = json(expect(202, route("POST /v1/webhook-endpoints/{id}/replay").path("id", id).apiKey(keyX)
                .body("{\"eventIds\": [\"evt-replay-2\", \"evt-nobody-has\"]}")));
        expect(400, route("POST /v1/webhook-endpoints/{id}/replay").path("id", id).apiKey(keyX)
                .body("{\"since\": \"2026-03-02T09:00:00Z\", \"until\": \"2026-03-02T09:00:00Z\"}"));
        expect(400, route("POST /v1/webhook-endpoints/{id}/replay").path("id", id).apiKey(keyX).body("{}"));

        assertThat(window.path("queued").asInt()).isEqualTo(2);
        assertThat(named.path("queued").asInt()).isEqualTo(1);
        List<Delivery> queued = new ArrayList<>();
        String queue = stack.queue("WebhookDeliveryQueue").url();
        for (int polls = 0; polls < 5 && queued.size() < 3; polls++) {
            clients.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                    .forEach(m -> queued.add(WebhookDeliveryCodec.decode(m.body()).delivery()));
        }
        assertThat(queued).extracting(Delivery::webhookId).containsExactlyInAnyOrder(
                WebhookIds.of("evt-replay-0", id), WebhookIds.of("evt-replay-1", id), WebhookIds.of("evt-replay-2", id));
    }

    @Test
    void shouldPageChangeDeleteAndLimit_whenATenantHasManyEndpoints() {
        String tenant = unique("tenant-many-");
        String key = ApiKey.generate();
        new Seed(clients.dynamoDb(), stack.tables().get("TrackingTable")).apiKey(key, tenant);
        String url = receiver.endpoint("/many", (i, n) -> 200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(json(expect(201, route("POST /v1/webhook-endpoints").apiKey(key)
                    .body("{\"url\": \"" + url + "\", \"events\": [\"shipment.delayed\"]}"))).path("id").asText());
        }
        JsonNode full = json(expect(409, route("POST /v1/webhook-endpoints").apiKey(key).body("{\"url\": \"" + url + "\"}")));
        assertThat(full.path("type").asText()).endsWith("/endpoint-limit-reached");

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            Requests request = route("GET /v1/webhook-endpoints").query("limit", "7").apiKey(key);
            if (cursor != null) request = request.query("cursor", cursor);
            JsonNode page = json(expect(200, request));
            page.path("items").forEach(e -> listed.add(e.path("id").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);

        JsonNode changed = json(expect(200, route("PATCH /v1/webhook-endpoints/{id}").path("id", ids.getFirst()).apiKey(key)
                .body("{\"status\": \"DISABLED\", \"events\": [\"shipment.exception\", \"ping\"], \"description\": \"paused\"}")));
        assertThat(changed.path("status").asText()).isEqualTo("DISABLED");
        assertThat(changed.path("events")).extracting(JsonNode::asText).containsExactlyInAnyOrder("shipment.exception", "ping");
        assertThat(changed.path("description").asText()).isEqualTo("paused");
        expect(400, route("PATCH /v1/webhook-endpoints/{id}").path("id", ids.getFirst()).apiKey(key).body("{\"status\": \"GONE\"}"));
        expect(400, route("PATCH /v1/webhook-endpoints/{id}").path("id", ids.getFirst()).apiKey(key).body("{\"events\": [\"shipment.moved\"]}"));
        expect(400, route("PATCH /v1/webhook-endpoints/{id}").path("id", ids.getFirst()).apiKey(key).body("{\"secret\": \"whsec_mine\"}"));

        var deleted = handler.handleRequest(route("DELETE /v1/webhook-endpoints/{id}").path("id", ids.getFirst()).apiKey(key).build(), null);
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(OpenApiContract.violations("DELETE /v1/webhook-endpoints/{id}", deleted)).isEmpty();
        expect(404, route("GET /v1/webhook-endpoints/{id}").path("id", ids.getFirst()).apiKey(key));
        expect(201, route("POST /v1/webhook-endpoints").apiKey(key).body("{\"url\": \"" + url + "\"}"));
    }

    private APIGatewayV2HTTPResponse expect(int status, Requests request) {
        var event = request.build();
        var response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).as(event.getRouteKey() + " " + response.getBody()).isEqualTo(status);
        assertThat(OpenApiContract.violations(event.getRouteKey(), response)).as(event.getRouteKey() + " " + response.getBody()).isEmpty();
        return response;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return json(response.getBody());
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
