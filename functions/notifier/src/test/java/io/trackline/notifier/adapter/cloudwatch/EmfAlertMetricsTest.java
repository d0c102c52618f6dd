package io.trackline.notifier.adapter.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.aws.metrics.Emf;
import io.trackline.domain.alerts.Channel;
import io.trackline.notifier.application.NotificationState;
import io.trackline.notifier.application.RecordOptOut;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EmfAlertMetricsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EmfAlertMetrics metrics = new EmfAlertMetrics(new Emf(EmfAlertMetrics.NAMESPACE,
            new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(Instant.ofEpochSecond(1_764_172_800L), ZoneOffset.UTC)));

    private JsonNode line() throws Exception {
        return Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode directive(JsonNode line) {
        return line.path("_aws").path("CloudWatchMetrics").get(0);
    }

    @Test
    void shouldWriteOneNotificationByChannelStateAndReason_whenAnSmsIsSuppressed() throws Exception {
        metrics.decided(Channel.SMS, NotificationState.SUPPRESSED, "SHIPMENT_DAILY_CAP");

        JsonNode line = line();
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(1_764_172_800_000L);
        assertThat(directive(line).path("Namespace").asText()).isEqualTo("Trackline/Alerts");
        assertThat(directive(line).path("Dimensions").toString())
                .isEqualTo("[[\"channel\",\"state\"],[\"channel\",\"state\",\"reason\"]]");
        assertThat(directive(line).path("Metrics").findValuesAsText("Name")).containsExactly("notifications");
        assertThat(line.path("channel").asText()).isEqualTo("SMS");
        assertThat(line.path("state").asText()).isEqualTo("SUPPRESSED");
        assertThat(line.path("reason").asText()).isEqualTo("SHIPMENT_DAILY_CAP");
        assertThat(line.path("notifications").isNumber()).isTrue();
        assertThat(line.path("notifications").asInt()).isEqualTo(1);
    }

    @Test
    void shouldWriteReasonNone_whenANotificationWithoutReasonIsSent() throws Exception {
        metrics.decided(Channel.EMAIL, NotificationState.SENT, null);

        JsonNode line = line();
        assertThat(line.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(line.path("state").asText()).isEqualTo("SENT");
        assertThat(line.path("reason").asText()).isEqualTo("NONE");
    }

    @Test
    void shouldWriteOneSmsReplyByOutcome_whenAReplyIsRecorded() throws Exception {
        metrics.smsReply(RecordOptOut.Outcome.STOPPED);

        JsonNode line = line();
        assertThat(directive(line).path("Namespace").asText()).isEqualTo("Trackline/Alerts");
        assertThat(directive(line).path("Dimensions").toString()).isEqualTo("[[\"outcome\"]]");
        assertThat(directive(line).path("Metrics").findValuesAsText("Name")).containsExactly("smsReplies");
        assertThat(line.path("outcome").asText()).isEqualTo("STOPPED");
        assertThat(line.path("smsReplies").asInt()).isEqualTo(1);
    }
}
