package io.trackline.webhook.adapter.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.aws.metrics.Emf;
import io.trackline.webhook.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EmfMetricsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EmfMetrics metrics = new EmfMetrics(new Emf(EmfMetrics.NAMESPACE,
            new PrintStream(out, true, StandardCharsets.UTF_8), Fixtures.clockAt(1_764_172_800L)));

    private JsonNode line() throws Exception {
        return Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteAcceptedAndDuplicatesBySource_whenAWebhookIsAccepted() throws Exception {
        metrics.accepted("shippo", 4, 1);

        JsonNode line = line();
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(1_764_172_800_000L);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Trackline/Webhooks");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"source\"]]");
        assertThat(directive.path("Metrics").findValuesAsText("Name")).containsExactly("accepted", "duplicates");
        assertThat(line.path("source").asText()).isEqualTo("shippo");
        assertThat(line.path("accepted").isNumber()).isTrue();
        assertThat(line.path("accepted").asInt()).isEqualTo(4);
        assertThat(line.path("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void shouldWriteRejectedBySourceAndReason_whenAWebhookIsRejected() throws Exception {
        metrics.rejected("easypost", "invalid-signature");

        JsonNode line = line();
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"source\"],[\"source\",\"reason\"]]");
        assertThat(line.path("reason").asText()).isEqualTo("invalid-signature");
        assertThat(line.path("rejected").asInt()).isEqualTo(1);
    }
}
