package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.testkit.cloud.LocalAws;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Queues;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.VendorWebhooks;
import io.trackline.local.testing.Walkthrough;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static io.trackline.local.testing.Eventually.PIPELINE;
import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's proof on the local cloud: one real-shaped, vendor-signed webhook of each source moves a registered shipment
 * to the status that source's status table gives its newest scan, and the same webhook again adds nothing.
 */
class AllSourcesEndToEndIT {
    @RegisterExtension
    static final RunningCloud CLOUD = RunningCloud.shared();

    private final LocalCloud cloud = CLOUD.cloud();
    private final LocalAws aws = CLOUD.aws();

    /**
     * Each row: the source, the canonical carrier of its payload, the status its table maps the newest scan to (native
     * {@code DELIVERED}; EasyPost {@code out_for_delivery}; AfterShip {@code Exception_007}; Shippo {@code TRANSIT} with
     * sub-status {@code delayed}), and how many scans the payload holds for the package.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "native,    dhl,   DELIVERED,        3",
            "easypost,  usps,  OUT_FOR_DELIVERY, 5",
            "aftership, ups,   EXCEPTION,        4",
            "shippo,    fedex, IN_TRANSIT,       4"})
    void shouldMoveTheShipmentToTheMappedStatusOnce_whenASignedWebhookOfTheSourceArrivesTwice(
            String source, String carrier, String expectedStatus, int scans) {
        // given a shipment registered by tenant 1
        Walkthrough walk = new Walkthrough(cloud);
        String apiKey = cloud.demo().tenants().getFirst().apiKey();
        var registered = walk.registerShipment(apiKey, cloud.demo().customers().getFirst().id(), carrier, walk.trackingNumber);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String shipmentId = json(registered.body()).get("id").asText();
        byte[] webhook = VendorWebhooks.payload(source, carrier, walk.trackingNumber, Instant.now().minus(Duration.ofMinutes(10)));
        VendorWebhooks webhooks = new VendorWebhooks(cloud);

        // when the source posts its webhook
        var accepted = webhooks.post(source, webhook);

        // then it is accepted and the shipment shows the mapped status with the payload's scans
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode shipment = Eventually.await("the API shows " + expectedStatus, PIPELINE,
                () -> json(walk.get("/v1/shipments/" + shipmentId, Walkthrough.apiKey(apiKey)).body()),
                s -> s.path("status").asText().equals(expectedStatus));
        assertThat(shipment.path("carrier").asText()).isEqualTo(carrier);
        assertThat(shipment.path("events")).hasSize(scans);

        // when the source sends the same webhook again
        var again = webhooks.post(source, webhook);

        // then it is accepted, and once the processor has had it, nothing is added or changed
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        Queues.awaitDrained(aws.sqs(), PIPELINE, cloud.stack().queue("IngestQueue").url());
        JsonNode after = json(walk.get("/v1/shipments/" + shipmentId, Walkthrough.apiKey(apiKey)).body());
        assertThat(after.path("events")).isEqualTo(shipment.path("events"));
        assertThat(after.path("status").asText()).isEqualTo(expectedStatus);
    }
}
