package io.trackline.aws.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EmfTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Emf emf = new Emf("Trackline/Test", new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.ofEpochSecond(1_764_172_800L), ZoneOffset.UTC));

    @Test
    void shouldDeclareOneEmptyDimensionSet_whenALineHasNoDimensions() throws Exception {
        emf.line().count("messages", 10).count("failed", 0).emit();

        JsonNode line = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(1_764_172_800_000L);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Trackline/Test");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[]]");
        assertThat(directive.path("Metrics").toString())
                .isEqualTo("[{\"Name\":\"messages\",\"Unit\":\"Count\"},{\"Name\":\"failed\",\"Unit\":\"Count\"}]");
        assertThat(line.path("messages").asLong()).isEqualTo(10);
        assertThat(line.path("failed").isNumber()).isTrue();
    }

    @Test
    void shouldWriteOneLinePerEmit_whenLinesFollowEachOther() {
        emf.line().dimension("channel", "SMS").by("channel").count("sent", 1).emit();
        emf.line().dimension("channel", "EMAIL").by("channel").count("sent", 1).emit();

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"Dimensions\":[[\"channel\"]]"));
    }
}
