package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Http;
import io.trackline.local.testing.Moto;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.Walkthrough;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.trackline.local.testing.Eventually.PIPELINE;
import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton, end to end on the local cloud as {@code make run} starts it, with the real handlers and moto
 * and no mocks: register a shipment, post a signed native webhook, and watch the processor store it, the notifier text
 * the customer, and the API show it.
 */
class EndToEndIT {
    @RegisterExtension
    static final RunningCloud CLOUD = RunningCloud.shared();

    private final LocalCloud cloud = CLOUD.cloud();

    @Test
    void shouldShowOutForDeliveryAndTextTheCustomer_whenASignedNativeWebhookArrives() {
        // given a registered shipment
        Walkthrough walk = new Walkthrough(cloud);
        String apiKey = cloud.demo().tenants().getFirst().apiKey();
        var registered = walk.registerShipment(apiKey);
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
        String shipmentId = json(registered.body()).get("id").asText();

        // when the carrier reports it out for delivery
        var accepted = walk.postNativeWebhook(walk.outForDelivery(), walk.nativeSecret());

        // then the webhook is accepted once the scan is queued
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(json(accepted.body()).get("accepted").asInt()).isEqualTo(1);
        // and the API shows the new status with the event
        JsonNode shipment = Eventually.await("the API shows OUT_FOR_DELIVERY", PIPELINE,
                () -> json(walk.get("/v1/shipments/" + shipmentId, Walkthrough.apiKey(apiKey)).body()),
                s -> s.path("status").asText().equals("OUT_FOR_DELIVERY"));
        assertThat(shipment.get("trackingNumber").asText()).isEqualTo(walk.trackingNumber);
        assertThat(shipment.get("events")).hasSize(1);
        assertThat(shipment.get("events").get(0).get("status").asText()).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(shipment.get("events").get(0).get("description").asText()).isEqualTo("Out for delivery");
        // and moto has sent exactly one SMS to the registered number
        List<JsonNode> texts = Eventually.await("moto records an SMS to " + walk.phone, PIPELINE,
                () -> Moto.smsTo(cloud, walk.phone), sms -> !sms.isEmpty());
        assertThat(texts).hasSize(1);
        assertThat(texts.getFirst().get("message").asText()).hasSizeLessThanOrEqualTo(160);
    }

    /** The sweeper, the one function no route or queue reaches, runs under Lambda's runtime as its role too. */
    @Test
    void shouldRunTheSweeperInItsOwnProcess_whenItsScheduleIsTriggered() {
        var ran = Http.post(cloud.apiUrl().resolve("/local/schedules/SweeperFunction"), "application/json", new byte[0]);

        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
        assertThat(json(ran.body()).path("ran").asBoolean()).isTrue();
        assertThat(cloud.log("SweeperFunction").orElseThrow().lines())
                .anyMatch(line -> line.startsWith("REPORT RequestId: ") && line.contains("Init Duration: "));
    }
}
