package io.trackline.sweeper;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.engine.TrackingEngine;
import io.trackline.aws.metrics.Emf;
import io.trackline.domain.shipment.Scans;
import io.trackline.domain.shipment.TrackingFixture;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on the in-memory port: one run, one EMF line with what it did. No network. */
class SweeperHandlerTest {
    private final TrackingFixture engine = new TrackingFixture();
    private final ByteArrayOutputStream metricLines = new ByteArrayOutputStream();
    private final SweeperHandler sweeper = new SweeperHandler(new SweeperWiring(engine.sweep, 100,
            new Emf(TrackingEngine.METRICS_NAMESPACE, new PrintStream(metricLines, true, StandardCharsets.UTF_8), engine.clock)));

    @Test
    void shouldCountWhatTheRunChanged_whenAShipmentHasStalled() throws Exception {
        // given a shipment in transit whose last scan is three days old
        String id = engine.registerDefault().id();
        engine.track(Scans.scan(Status.IN_TRANSIT, "2026-03-02T10:00:00Z"));
        engine.clock.advance(Duration.ofDays(3));

        // when
        sweeper.handleRequest(Map.of(), null);

        // then
        assertThat(engine.shipment(id).stalled()).isTrue();
        JsonNode line = Json.mapper().readTree(metricLines.toString(StandardCharsets.UTF_8));
        assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText()).isEqualTo("Trackline/Engine");
        assertThat(line.path("sweptShipments").asInt()).isEqualTo(1);
        assertThat(line.path("sweepChanges").asInt()).isEqualTo(1);
        assertThat(line.path("sweepAnnouncements").asInt()).isPositive();
    }
}
