package io.trackline.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.engine.dynamodb.OutboxItem;
import io.trackline.engine.TrackingEngine;
import io.trackline.aws.metrics.Emf;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.Announcement;
import io.trackline.domain.shipment.port.Announcer;
import io.trackline.domain.shipment.usecase.AnnouncementRelay;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;
import io.trackline.relay.application.OrderedRelay;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler on hand-built stream records (Lambda's event types, no AWS): what is new, in order, stopping at a failure. */
class RelayHandlerTest {
    private final List<String> published = new ArrayList<>();
    private final ByteArrayOutputStream metricLines = new ByteArrayOutputStream();

    @Test
    void shouldPublishOnlyTheEntriesTheWriteAdded_whenTheOldImageHadSome() {
        // given: the second write keeps nothing of the first and adds IN_TRANSIT
        DynamodbEvent event = event(change("1", List.of(), List.of("e-picked-up")),
                change("2", List.of("e-picked-up"), List.of("e-in-transit")),
                change("3", List.of("e-in-transit"), List.of("e-in-transit")));
        // when
        StreamsEventResponse response = handler(a -> published.add(a.id())).handleRequest(event, null);
        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(published).containsExactly("e-picked-up", "e-in-transit");
    }

    @Test
    void shouldReportTheFirstFailedRecordAndAttemptNothingAfterIt_whenAPublishFails() throws Exception {
        // given
        DynamodbEvent event = event(change("1", List.of(), List.of("e-1")), change("2", List.of(), List.of("e-2")),
                change("3", List.of(), List.of("e-3")));
        Announcer failsOnTheSecond = a -> {
            if (a.id().equals("e-2")) throw new IllegalStateException("SNS throttled");
            published.add(a.id());
        };
        // when
        StreamsEventResponse response = handler(failsOnTheSecond).handleRequest(event, null);
        // then: Lambda retries from record 2, so record 3 must not go out ahead of it
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("2");
        assertThat(published).containsExactly("e-1");
        assertThat(metrics().path("streamRecords").asInt()).isEqualTo(3);
        assertThat(metrics().path("published").asInt()).isEqualTo(1);
        assertThat(metrics().path("relayFailures").asInt()).isEqualTo(1);
    }

    @Test
    void shouldReportTheRecord_whenItsOutboxCannotBeRead() {
        // given
        DynamodbEvent.DynamodbStreamRecord broken = change("7", List.of(), List.of());
        broken.getDynamodb().getNewImage().put(OutboxItem.ATTRIBUTE,
                new AttributeValue().withBS(List.of(ByteBuffer.wrap(new byte[]{'x', 1}))));
        // when
        StreamsEventResponse response = handler(a -> published.add(a.id())).handleRequest(event(broken), null);
        // then
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("7");
    }

    private RelayHandler handler(Announcer announcer) {
        return new RelayHandler(new RelayWiring(new OrderedRelay(new AnnouncementRelay(announcer)),
                new Emf(TrackingEngine.METRICS_NAMESPACE, new PrintStream(metricLines, true, StandardCharsets.UTF_8), Clock.systemUTC())));
    }

    private JsonNode metrics() throws Exception {
        return Json.mapper().readTree(metricLines.toString(StandardCharsets.UTF_8));
    }

    private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static DynamodbEvent.DynamodbStreamRecord change(String sequenceNumber, List<String> before, List<String> after) {
        StreamRecord change = new StreamRecord().withSequenceNumber(sequenceNumber)
                .withKeys(Map.of("PK", new AttributeValue().withS("SHIP#shp_1"), "SK", new AttributeValue().withS("SHIPMENT")))
                .withNewImage(image(after));
        if (!before.isEmpty()) change.setOldImage(image(before));
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID("event-" + sequenceNumber);
        record.setEventName(before.isEmpty() ? "INSERT" : "MODIFY");
        record.setDynamodb(change);
        return record;
    }

    private static Map<String, AttributeValue> image(List<String> eventIds) {
        Map<String, AttributeValue> image = new HashMap<>(Map.of("PK", new AttributeValue().withS("SHIP#shp_1")));
        if (!eventIds.isEmpty()) {
            image.put(OutboxItem.ATTRIBUTE, new AttributeValue().withBS(eventIds.stream()
                    .map(id -> ByteBuffer.wrap(OutboxItem.entry(Announcement.of(event(id))))).toList()));
        }
        return image;
    }

    private static ShipmentEvent event(String id) {
        return new ShipmentEvent(id, Trigger.IN_TRANSIT, "shp_1", "tenant-1", "order-1", "customer-1", "ups",
                "1Z999AA10123456784", Status.IN_TRANSIT, Status.PICKED_UP, Milestone.IN_TRANSIT, null, false, false,
                null, "Departed facility", null, OffsetDateTime.parse("2026-03-03T09:00:00Z"),
                Instant.parse("2026-03-03T09:00:01Z"), 3);
    }
}
