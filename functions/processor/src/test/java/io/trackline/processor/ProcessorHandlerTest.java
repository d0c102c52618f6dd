package io.trackline.processor;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.engine.TrackingEngine;
import io.trackline.aws.metrics.Emf;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.InMemoryShipments;
import io.trackline.domain.shipment.RecordingAnnouncer;
import io.trackline.domain.shipment.Scans;
import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.TrackingFixture;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.usecase.TrackScans;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;
import io.trackline.testkit.SampleEvents;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handler on the in-memory port: decoding, grouping by package, partial batch failures. No network. */
class ProcessorHandlerTest {
    private final TrackingFixture engine = new TrackingFixture();
    private final List<String> recorded = new ArrayList<>();
    private final ByteArrayOutputStream metricLines = new ByteArrayOutputStream();
    private final ProcessorHandler handler = new ProcessorHandler(new ProcessorWiring(engine.trackScans,
            (messageId, reason, receiveCount) -> recorded.add(messageId + ": " + reason),
            new Emf(TrackingEngine.METRICS_NAMESPACE, new PrintStream(metricLines, true, StandardCharsets.UTF_8), Clock.systemUTC())));

    @Test
    void shouldApplyEachPackageOnce_whenBatchFromEventsFileArrives() {
        // given
        String id = engine.registerDefault().id();
        SQSEvent batch = SampleEvents.sqs("sqs-ingest-batch.json");
        // when
        SQSBatchResponse response = handler.handleRequest(batch, null);
        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(engine.shipment(id).status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(engine.shipments.history(id)).hasSize(2);
        assertThat(engine.announcer.triggers()).containsExactly(Trigger.IN_TRANSIT);
    }

    @Test
    void shouldFailOnlyThePoisonMessageAndRecordWhy_whenBodyIsNotAScanReport() throws Exception {
        // given
        engine.registerDefault();
        SQSEvent batch = SampleEvents.sqs("sqs-ingest-batch.json");
        SQSEvent.SQSMessage poison = new SQSEvent.SQSMessage();
        poison.setMessageId("poison-1");
        poison.setBody("{\"version\":2}");
        List<SQSEvent.SQSMessage> records = new ArrayList<>(batch.getRecords());
        records.add(1, poison);
        batch.setRecords(records);
        // when
        SQSBatchResponse response = handler.handleRequest(batch, null);
        // then
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("poison-1");
        assertThat(recorded).singleElement().asString().startsWith("poison-1: poison message: unsupported scan report version 2");
        assertThat(engine.announcer.triggers()).containsExactly(Trigger.IN_TRANSIT);
        JsonNode metrics = Json.mapper().readTree(metricLines.toString(StandardCharsets.UTF_8));
        assertThat(metrics.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText()).isEqualTo("Trackline/Engine");
        assertThat(metrics.path("messages").asInt()).isEqualTo(records.size());
        assertThat(metrics.path("failedMessages").asInt()).isEqualTo(1);
        assertThat(metrics.path("shipmentsUpdated").asInt()).isEqualTo(1);
        assertThat(metrics.path("unregisteredPackages").asInt()).as("the file's third message is a package nobody registered").isEqualTo(1);
    }

    @Test
    void shouldFailTheWholeInvocation_whenApplyingAPackageThrowsAnError() {
        // given: a store whose every package lookup overflows the stack: an Error is not one package's failure
        var overflowing = new InMemoryShipments(TrackingPolicy.DEFAULT, new RecordingAnnouncer()) {
            @Override
            public List<Shipment> forPackage(Carrier carrier, TrackingNumber trackingNumber) {
                throw new StackOverflowError();
            }
        };
        var handlerOnIt = new ProcessorHandler(new ProcessorWiring(
                new TrackScans(overflowing, TrackingPolicy.DEFAULT, Clock.systemUTC()),
                (messageId, reason, receiveCount) -> recorded.add(messageId), Emf.toLog(TrackingEngine.METRICS_NAMESPACE)));
        // when / then: as when packages ran one after the other, Lambda fails the invocation and SQS retries the batch
        assertThatThrownBy(() -> handlerOnIt.handleRequest(SampleEvents.sqs("sqs-ingest-batch.json"), null))
                .isInstanceOf(StackOverflowError.class);
        assertThat(recorded).isEmpty();
    }

    @Test
    void shouldNotLogOrStoreBody_whenMessageIsPoison() {
        // given: a body carrying a phone number
        SQSEvent.SQSMessage poison = new SQSEvent.SQSMessage();
        poison.setMessageId("poison-2");
        poison.setBody("not json +14155550123");
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(poison));
        // when
        handler.handleRequest(batch, null);
        // then
        assertThat(recorded).singleElement().asString().doesNotContain("+14155550123").doesNotContain(Scans.TRACKING.value());
    }
}
