package io.trackline.local;

import io.trackline.testkit.cloud.LocalAws;
import io.trackline.local.testing.Queues;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.Walkthrough;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rejected webhooks never reach the ingest queue. The local cloud runs here without its event sources, so whatever the
 * webhook function enqueues stays in the queue to be counted.
 */
class WebhookRejectionIT {
    @RegisterExtension
    static final RunningCloud CLOUD = new RunningCloud(LocalCloudOptions.forTests().withEventSources(false));

    private final LocalCloud cloud = CLOUD.cloud();
    private final LocalAws aws = CLOUD.aws();
    private final Walkthrough walk = new Walkthrough(cloud);

    @Test
    void shouldAnswer401AndEnqueueNothing_whenTheSignatureIsBad() {
        int before = queued();

        var response = walk.postNativeWebhook(walk.outForDelivery(), "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(queued()).isEqualTo(before);
    }

    @Test
    void shouldAnswer400ProblemJsonAndEnqueueNothing_whenTheBodyIsMalformed() {
        int before = queued();

        var notJson = walk.postNativeWebhook("{\"carrier\":\"usps\",", walk.nativeSecret());
        var noTrackingNumber = walk.postNativeWebhook(walk.outForDelivery().replaceAll("\"trackingNumber\":\"[^\"]*\",", ""), walk.nativeSecret());

        for (var response : java.util.List.of(notJson, noTrackingNumber)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(response.body()).get("status").asInt()).isEqualTo(400);
        }
        assertThat(queued()).isEqualTo(before);
    }

    @Test
    void shouldEnqueueTheScanReport_whenSignatureAndBodyAreGood() {
        int before = queued();

        var response = walk.postNativeWebhook(walk.outForDelivery(), walk.nativeSecret());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(queued()).isEqualTo(before + 1);
    }

    private int queued() {
        return Queues.messages(aws.sqs(), cloud.stack().queue("IngestQueue").url());
    }
}
