package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Http;
import io.trackline.local.testing.Moto;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.Walkthrough;
import io.trackline.testkit.webhooks.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static io.trackline.local.testing.Eventually.PIPELINE;
import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks to API clients on the local cloud as {@code make run} starts it: a client registers an endpoint on its own
 * machine ({@code http://127.0.0.1}, which only the local cloud allows), a carrier's signed webhook changes a shipment,
 * and the client receives the change signed with the secret it was given, verified with the Standard Webhooks algorithm,
 * its shipment exactly what {@code GET /v1/shipments/{id}} answers (newest event only). A carrier estimate that changes
 * only the ETA reaches the client as {@code shipment.eta_changed} and texts nobody.
 */
class ClientWebhooksIT {
    @RegisterExtension
    static final RunningCloud CLOUD = RunningCloud.shared();
    private static LocalCloud cloud;
    private static WebhookReceiver receiver;
    /** The endpoints these tests registered (at their receiver), removed after them: the cloud outlives this class. */
    private static final List<String> ENDPOINTS = new ArrayList<>();

    @BeforeAll
    static void start() {
        cloud = CLOUD.cloud();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        try {
            String apiKey = cloud.demo().tenants().getFirst().apiKey();
            for (String id : ENDPOINTS) {
                var deleted = Http.send(HttpRequest.newBuilder(cloud.apiUrl().resolve("/v1/webhook-endpoints/" + id)).DELETE()
                        .header("x-api-key", apiKey));
                assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            }
        } finally {
            if (receiver != null) receiver.close();
        }
    }

    @Test
    void shouldPushTheSignedStatusChangeToTheClient_whenACarrierWebhookChangesItsShipment() {
        Walkthrough walk = new Walkthrough(cloud);
        String apiKey = cloud.demo().tenants().getFirst().apiKey();
        JsonNode endpoint = registerEndpoint(walk, apiKey, "/orders", "shipment.status_changed");
        String secret = endpoint.get("secret").asText();
        var registered = walk.registerShipment(apiKey);
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
        String shipmentId = json(registered.body()).get("id").asText();

        var accepted = walk.postNativeWebhook(walk.outForDelivery(), walk.nativeSecret());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        List<WebhookReceiver.Received> received = Eventually.await("the client receives the change", PIPELINE,
                () -> receiver.at("/orders").stream().filter(r -> r.text().contains(shipmentId)).toList(),
                deliveries -> !deliveries.isEmpty());
        WebhookReceiver.Received delivery = received.getFirst();
        assertThat(delivery.verifies(List.of(secret))).as("Standard Webhooks signature with the endpoint's secret").isTrue();
        JsonNode body = json(delivery.text());
        assertThat(body.path("type").asText()).isEqualTo("shipment.status_changed");
        assertThat(body.path("data").path("shipment").path("id").asText()).isEqualTo(shipmentId);
        assertThat(body.path("data").path("shipment").path("status").asText()).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(body.path("data").path("sequence").asLong()).isPositive();
        assertThat(body.path("data").path("shipment")).as("the shipment as GET /v1/shipments/{id} shows it, newest event only")
                .isEqualTo(withNewestEventOnly(walk.get("/v1/shipments/" + shipmentId, Walkthrough.apiKey(apiKey))));
        // The delivery function records the attempt after the client has answered: wait for that write.
        JsonNode attempts = Eventually.await("the attempt is recorded", PIPELINE,
                () -> json(walk.get("/v1/webhook-endpoints/" + endpoint.get("id").asText() + "/deliveries",
                        Walkthrough.apiKey(apiKey)).body()).path("items"),
                items -> !items.isEmpty());
        assertThat(attempts.get(0).path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void shouldPushTheNewEstimateToTheClientButTextNobody_whenACarrierChangesOnlyTheEta() {
        Walkthrough walk = new Walkthrough(cloud);
        String apiKey = cloud.demo().tenants().getFirst().apiKey();
        registerEndpoint(walk, apiKey, "/eta", "shipment.eta_changed");
        String shipmentId = json(walk.registerShipment(apiKey).body()).get("id").asText();
        String inTransit = walk.nativeScan("IN_TRANSIT", "Departed facility", Duration.ofMinutes(30));
        assertThat(walk.postNativeWebhook(inTransit, walk.nativeSecret()).statusCode()).isEqualTo(202);
        // the same scan again, now with the carrier's estimate: a day before the promise, so no delay
        String estimate = LocalDate.now().plusDays(1).toString();
        var accepted = walk.postNativeWebhook(inTransit.replaceFirst("}\\s*$", ",\"estimatedDelivery\":\"" + estimate + "\"}"),
                walk.nativeSecret());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        JsonNode body = json(Eventually.await("the client receives the new estimate", PIPELINE,
                () -> receiver.at("/eta").stream().filter(r -> r.text().contains(shipmentId)).toList(),
                deliveries -> !deliveries.isEmpty()).getFirst().text());
        assertThat(body.path("type").asText()).isEqualTo("shipment.eta_changed");
        assertThat(body.path("data").path("shipment").path("eta").path("latest").asText()).isEqualTo(estimate);
        assertThat(body.path("data").path("shipment").path("status").asText()).isEqualTo("IN_TRANSIT");

        // an alert that does text, sent after it: once its SMS is there, the estimate's would be too
        assertThat(walk.postNativeWebhook(walk.outForDelivery(), walk.nativeSecret()).statusCode()).isEqualTo(202);
        List<JsonNode> texts = Eventually.await("the out-for-delivery SMS", PIPELINE, () -> Moto.smsTo(cloud, walk.phone),
                sms -> !sms.isEmpty());
        assertThat(texts).hasSize(1);
        JsonNode decided = json(walk.get("/v1/shipments/" + shipmentId + "/notifications", Walkthrough.apiKey(apiKey)).body());
        assertThat(decided.path("items")).isNotEmpty().allSatisfy(n ->
                assertThat(n.path("trigger").asText()).isEqualTo("OUT_FOR_DELIVERY"));
        assertThat(receiver.at("/eta")).hasSize(1);
    }

    /** An endpoint on the test's receiver at {@code path} (answering 200) for one event type: the API's answer. */
    private static JsonNode registerEndpoint(Walkthrough walk, String apiKey, String path, String type) {
        var endpoint = walk.post("/v1/webhook-endpoints", "{\"url\": \"" + receiver.endpoint(path, (id, nth) -> 200)
                + "\", \"events\": [\"" + type + "\"]}", Walkthrough.apiKey(apiKey));
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(201);
        JsonNode registered = json(endpoint.body());
        ENDPOINTS.add(registered.get("id").asText());
        return registered;
    }

    /** {@code GET /v1/shipments/{id}}'s answer with its events cut to the newest, as a webhook carries it. */
    private static JsonNode withNewestEventOnly(java.net.http.HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        ObjectNode shipment = (ObjectNode) json(answer.body());
        JsonNode newest = shipment.path("events").get(0);
        shipment.putArray("events").add(newest);
        return shipment;
    }
}
