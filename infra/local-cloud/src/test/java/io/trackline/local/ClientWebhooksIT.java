package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Walkthrough;
import io.trackline.testkit.webhooks.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks to API clients on the local cloud as {@code make run} starts it: a client registers an endpoint on its own
 * machine ({@code http://127.0.0.1}, which only the local cloud allows), a carrier's signed webhook changes a shipment,
 * and the client receives the change signed with the secret it was given, verified with the Standard Webhooks algorithm.
 */
class ClientWebhooksIT {
    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static LocalCloud cloud;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudOptions.forTests());
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) receiver.close();
        if (cloud != null) cloud.close();
    }

    @Test
    void shouldPushTheSignedStatusChangeToTheClient_whenACarrierWebhookChangesItsShipment() {
        Walkthrough walk = new Walkthrough(cloud);
        String apiKey = cloud.demo().tenants().getFirst().apiKey();
        var endpoint = walk.post("/v1/webhook-endpoints", "{\"url\": \"" + receiver.endpoint("/orders", (id, nth) -> 200)
                + "\", \"events\": [\"shipment.status_changed\"]}", Walkthrough.apiKey(apiKey));
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(201);
        String secret = json(endpoint.body()).get("secret").asText();
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
        String attempts = walk.get("/v1/webhook-endpoints/" + json(endpoint.body()).get("id").asText() + "/deliveries",
                Walkthrough.apiKey(apiKey)).body();
        assertThat(json(attempts).path("items").get(0).path("statusCode").asInt()).isEqualTo(200);
    }
}
