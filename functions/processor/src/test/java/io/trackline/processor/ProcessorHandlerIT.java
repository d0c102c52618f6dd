package io.trackline.processor;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Json;
import io.trackline.aws.metrics.Emf;
import io.trackline.testkit.engine.EngineCloud;
import io.trackline.engine.TrackingEngine;
import io.trackline.processor.adapter.dynamodb.DeadLetterReasons;
import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.aws.queue.ScanReportCodec;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.MutableClock;
import io.trackline.domain.shipment.Scans;
import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;
import io.trackline.relay.StreamRelay;
import io.trackline.testkit.SampleEvents;
import io.trackline.testkit.sqs.LambdaPoller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.trackline.domain.shipment.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The processor against moto: the events/ batch, a crash after the write, throttling, a poison message, redrive. What
 * was published is read after running the relay on the table's stream ({@link StreamRelay}), as Lambda would.
 */
class ProcessorHandlerIT {
    private static final String EVENTS_FILE = "sqs-ingest-batch.json";
    private static final TrackingNumber REGISTERED = TrackingNumber.of("1Z999AA10123456784");
    private static final TrackingNumber UNREGISTERED = TrackingNumber.of("1Z999AA10123456785");
    private static final List<TrackingNumber> TWO_MORE_REGISTERED = List.of(TrackingNumber.of("1Z999AA10123456786"),
            TrackingNumber.of("1Z999AA10123456787"));

    @RegisterExtension
    static final EngineCloud.PerTestClass EMULATOR = new EngineCloud.PerTestClass();

    private final EngineCloud cloud = EMULATOR.cloud();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T12:00:10Z"));
    private final FaultInjection faults = new FaultInjection();
    private final CrashAfterWrite crash = new CrashAfterWrite();
    private final CallsInFlight calls = new CallsInFlight();
    private EngineCloud.Stack stack;
    private TrackingEngine engine;
    private ProcessorWiring wiring;
    private ProcessorHandler handler;
    private StreamRelay relay;

    @BeforeEach
    void deploy() {
        stack = cloud.stack();
        AwsClients clients = cloud.clients(stack, List.of(faults, crash, calls));
        engine = TrackingEngine.from(stack.settings(), clients, clock);
        wiring = ProcessorWiring.from(stack.settings(), clients, clock);
        handler = new ProcessorHandler(wiring);
        relay = new StreamRelay(cloud, stack);
    }

    @Test
    void shouldApplyBatchAndPublishEachChangeOnce_whenBatchFromEventsFileIsDeliveredTwice() {
        // given
        String id = register(REGISTERED);
        SQSEvent batch = SampleEvents.sqs(EVENTS_FILE);
        // when
        SQSBatchResponse first = handler.handleRequest(batch, null);
        long version = engine.shipments().byId(id).orElseThrow().version();
        SQSBatchResponse redelivered = handler.handleRequest(batch, null);
        // then: the redelivery wrote nothing new, so it announced nothing new
        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        Shipment shipment = engine.shipments().byId(id).orElseThrow();
        assertThat(shipment.version()).isEqualTo(version);
        assertThat(shipment.status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(shipment.tracking().eta().latest().date()).isEqualTo(LocalDate.parse("2026-03-06"));
        assertThat(engine.shipments().history(id)).hasSize(2);
        assertThat(triggersPublished()).containsExactly(Trigger.IN_TRANSIT);
        assertThat(engine.shipments().unattached(Scans.CARRIER, UNREGISTERED)).hasSize(1);
    }

    @Test
    void shouldAnnounceExactlyOnce_whenFunctionCrashesRightAfterTheWrite() {
        // given: the function dies right after DynamoDB committed the change, before anything else runs
        String id = register(REGISTERED);
        triggersPublished(); // the registration's
        SQSEvent batch = batchOf(report(REGISTERED, scan(Status.OUT_FOR_DELIVERY, "2026-03-03T07:00:00-06:00")));
        crash.armed = true;
        SQSBatchResponse crashed = handler.handleRequest(batch, null);
        assertThat(crashed.getBatchItemFailures()).hasSize(1);
        // when: the stream carries the committed change, and SQS redelivers the batch to a healthy function
        List<Trigger> fromTheStream = triggersPublished();
        crash.armed = false;
        SQSBatchResponse redelivered = handler.handleRequest(batch, null);
        // then
        assertThat(fromTheStream).containsExactly(Trigger.OUT_FOR_DELIVERY);
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(engine.shipments().byId(id).orElseThrow().status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(triggersPublished()).isEmpty();
    }

    @Test
    void shouldRetryAndLoseNothing_whenDynamoDbThrottlesFirstAttemptOfEveryWrite() {
        // given
        String id = register(REGISTERED);
        faults.inject(FaultInjection.Rule.throttleFirstAttemptOfWrites());
        // when
        SQSBatchResponse response = handler.handleRequest(SampleEvents.sqs(EVENTS_FILE), null);
        // then
        faults.stop();
        assertThat(faults.injected.get()).isGreaterThanOrEqualTo(3);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(engine.shipments().byId(id).orElseThrow().status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(engine.shipments().history(id)).hasSize(2);
        assertThat(triggersPublished()).containsExactly(Trigger.IN_TRANSIT);
    }

    @Test
    void shouldReportOnlyThatPackagesMessages_whenDynamoDbKeepsFailingForOnePackage() {
        // given: every read of the registered package answers 500, beyond the SDK's retries
        String id = register(REGISTERED);
        faults.inject(FaultInjection.Rule.alwaysFail(request -> request instanceof QueryRequest q
                && q.expressionAttributeValues().values().stream().anyMatch(v -> ("TRACK#ups#" + REGISTERED).equals(v.s()))));
        SQSEvent batch = SampleEvents.sqs(EVENTS_FILE);
        // when
        SQSBatchResponse response = handler.handleRequest(batch, null);
        // then
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(batch.getRecords().get(0).getMessageId(), batch.getRecords().get(1).getMessageId());
        assertThat(engine.shipments().unattached(Scans.CARRIER, UNREGISTERED)).hasSize(1);
        // and when the failed messages come back to a healthy table
        faults.stop();
        SQSEvent retry = new SQSEvent();
        retry.setRecords(batch.getRecords().subList(0, 2));
        assertThat(handler.handleRequest(retry, null).getBatchItemFailures()).isEmpty();
        assertThat(engine.shipments().byId(id).orElseThrow().status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(triggersPublished()).containsExactly(Trigger.IN_TRANSIT);
    }

    @Test
    void shouldMovePoisonToDlqWithReasonAndProcessBatchMatesOnce_whenMessageIsNotAScanReport() {
        // given
        String id = register(REGISTERED);
        send(ScanReportCodec.encode(report(REGISTERED, scan(Status.PICKED_UP, "2026-03-02T16:40:00-06:00"))));
        String poisonId = send("{\"version\":1,\"carrier\":\"ups\",\"trackingNumber\":\"not a tracking number!\"}");
        send(ScanReportCodec.encode(report(REGISTERED, scan(Status.IN_TRANSIT, "2026-03-03T03:15:00-06:00"))));
        // when: the event source polls until the queue is empty
        LambdaPoller poller = new LambdaPoller(cloud.sqs, stack.ingestQueueUrl(), handler::handleRequest);
        int processed = poller.drain();
        // then
        assertThat(processed).isEqualTo(2);
        var dead = cloud.drain(stack.deadLetterQueueUrl());
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.messageId()).isEqualTo(poisonId));
        assertThat(new DeadLetterReasons(cloud.dynamo, stack.table(), clock).reason(poisonId))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("poison message"));
        assertThat(engine.shipments().history(id)).hasSize(2);
        assertThat(triggersPublished()).doesNotHaveDuplicates().endsWith(Trigger.IN_TRANSIT);
    }

    /**
     * Messages the processor cannot read, whatever is wrong with them (not JSON, another shape, a value the domain
     * refuses, characters SQS carries but JSON escapes make odd), each reach the DLQ with its reason stored under
     * {@code FAILED#<messageId>}; the batch-mates are processed once (partial batch failure).
     */
    @Test
    void shouldMoveEveryUndecodableMessageToDlqWithItsReason_andProcessTheOthers() {
        // given
        String id = register(REGISTERED);
        List<String> undecodable = List.of("not json at all", "[1,2,3]", "{\"version\":2}", "{\"version\":1,\"scans\":\"x\"}",
                "{\"version\":1,\"source\":\"native\",\"receivedAt\":\"2026-03-03T12:00:00Z\",\"carrier\":\"ups\","
                        + "\"trackingNumber\":\"\\ud800\\ud800\\ud800\\ud800\"}",
                "{\"version\":1,\"source\":\"native\",\"receivedAt\":\"2026-03-03T12:00:00Z\",\"carrier\":\"ups\","
                        + "\"trackingNumber\":\"1Z999AA10123456784\",\"scans\":[{\"status\":\"NOT_A_STATUS\"}]}",
                "\u0085\u202e\ufffd\t");
        send(ScanReportCodec.encode(report(REGISTERED, scan(Status.PICKED_UP, "2026-03-02T16:40:00-06:00"))));
        List<String> poisonIds = undecodable.stream().map(this::send).toList();
        send(ScanReportCodec.encode(report(REGISTERED, scan(Status.IN_TRANSIT, "2026-03-03T03:15:00-06:00"))));

        // when
        int processed = new LambdaPoller(cloud.sqs, stack.ingestQueueUrl(), handler::handleRequest).drain();

        // then
        assertThat(processed).isEqualTo(2);
        assertThat(cloud.drain(stack.deadLetterQueueUrl())).extracting(m -> m.messageId())
                .containsExactlyInAnyOrderElementsOf(poisonIds);
        var reasons = new DeadLetterReasons(cloud.dynamo, stack.table(), clock);
        assertThat(poisonIds).allSatisfy(poison -> assertThat(reasons.reason(poison))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("poison message").contains("scan report")));
        assertThat(engine.shipments().history(id)).hasSize(2);
    }

    @Test
    void shouldRedriveDeadLettersToSourceQueue_whenOperatorRunsRedrive() {
        // given: a scan that failed while the table was unavailable sits in the DLQ
        String id = register(REGISTERED);
        String body = ScanReportCodec.encode(report(REGISTERED, scan(Status.IN_TRANSIT, "2026-03-03T03:15:00-06:00")));
        String messageId = cloud.sqs.sendMessage(b -> b.queueUrl(stack.deadLetterQueueUrl()).messageBody(body)).messageId();
        var reasons = new DeadLetterReasons(cloud.dynamo, stack.table(), clock);
        reasons.record(messageId, "DynamoDbException: service unavailable", 5);
        // when
        var moved = new RedriveDeadLetters(cloud.sqs, reasons).redrive(stack.deadLetterQueueUrl(), stack.ingestQueueUrl(), 100);
        new LambdaPoller(cloud.sqs, stack.ingestQueueUrl(), handler::handleRequest).drain();
        // then
        assertThat(moved).containsExactly(new RedriveDeadLetters.Moved(messageId, "DynamoDbException: service unavailable"));
        assertThat(cloud.approximateCount(stack.deadLetterQueueUrl())).isZero();
        assertThat(engine.shipments().byId(id).orElseThrow().status()).isEqualTo(Status.IN_TRANSIT);
    }

    // ------------------------------------------------------------------ a batch's packages, applied at once

    @Test
    void shouldApplyEveryPackageAtOnceAndCountExactly_whenTheBatchHoldsSeveralPackages() throws Exception {
        // given: three registered packages, the first with two reports, and one nobody registered
        String first = register(REGISTERED);
        List<String> others = TWO_MORE_REGISTERED.stream().map(this::register).toList();
        SQSEvent batch = fourPackages();
        ByteArrayOutputStream metricLines = new ByteArrayOutputStream();
        calls.reset();
        // when
        SQSBatchResponse response = handlerWritingMetricsTo(metricLines).handleRequest(batch, null);
        // then: the packages' DynamoDB calls overlapped, each package was applied, and the counts add up
        assertThat(calls.most()).as("DynamoDB calls under way at once").isGreaterThan(1);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(engine.shipments().byId(first).orElseThrow().status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(others).allSatisfy(id -> assertThat(engine.shipments().byId(id).orElseThrow().status())
                .isEqualTo(Status.IN_TRANSIT));
        assertThat(engine.shipments().unattached(Scans.CARRIER, UNREGISTERED)).hasSize(1);
        assertThat(metrics(metricLines)).containsExactly(entry("messages", 5), entry("failedMessages", 0),
                entry("shipmentsUpdated", 3), entry("unregisteredPackages", 1));
    }

    @Test
    void shouldApplyThePackagesReportsInOneWriteOneCallAfterAnother_whenTheBatchHoldsOnePackage() {
        // given
        String id = register(REGISTERED);
        long registered = engine.shipments().byId(id).orElseThrow().version();
        triggersPublished();
        SQSEvent batch = batchOf(report(REGISTERED, scan(Status.PICKED_UP, "2026-03-02T16:40:00-06:00")),
                report(REGISTERED, scan(Status.IN_TRANSIT, "2026-03-03T03:15:00-06:00")),
                report(REGISTERED, scan(Status.OUT_FOR_DELIVERY, "2026-03-03T05:30:00-06:00")));
        calls.reset();
        // when
        SQSBatchResponse response = handler.handleRequest(batch, null);
        // then: one package is one thread, its three reports one change
        assertThat(calls.most()).as("DynamoDB calls under way at once").isEqualTo(1);
        assertThat(response.getBatchItemFailures()).isEmpty();
        Shipment shipment = engine.shipments().byId(id).orElseThrow();
        assertThat(shipment.status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(shipment.version()).isEqualTo(registered + 1);
        assertThat(engine.shipments().history(id)).extracting(t -> t.scan().status())
                .containsExactly(Status.PICKED_UP, Status.IN_TRANSIT, Status.OUT_FOR_DELIVERY);
        assertThat(triggersPublished()).containsExactly(Trigger.OUT_FOR_DELIVERY);
    }

    @Test
    void shouldFailOnlyThatPackagesMessagesAndCountExactly_whenDynamoDbKeepsFailingForOneOfSeveralPackagesAtOnce()
            throws Exception {
        // given: every read of the first package answers 500, beyond the SDK's retries; three packages beside it
        register(REGISTERED);
        List<String> others = TWO_MORE_REGISTERED.stream().map(this::register).toList();
        SQSEvent batch = fourPackages();
        faults.inject(FaultInjection.Rule.alwaysFail(request -> request instanceof QueryRequest q
                && q.expressionAttributeValues().values().stream().anyMatch(v -> ("TRACK#ups#" + REGISTERED).equals(v.s()))));
        ByteArrayOutputStream metricLines = new ByteArrayOutputStream();
        calls.reset();
        // when
        SQSBatchResponse response = handlerWritingMetricsTo(metricLines).handleRequest(batch, null);
        // then
        faults.stop();
        List<String> failing = List.of(batch.getRecords().get(0).getMessageId(), batch.getRecords().get(4).getMessageId());
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyElementsOf(failing);
        var reasons = new DeadLetterReasons(cloud.dynamo, stack.table(), clock);
        assertThat(failing).allSatisfy(messageId -> assertThat(reasons.reason(messageId))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("InternalServerErrorException")));
        assertThat(others).allSatisfy(id -> assertThat(engine.shipments().byId(id).orElseThrow().status())
                .isEqualTo(Status.IN_TRANSIT));
        assertThat(engine.shipments().unattached(Scans.CARRIER, UNREGISTERED)).hasSize(1);
        assertThat(calls.most()).as("DynamoDB calls under way at once").isGreaterThan(1);
        assertThat(metrics(metricLines)).containsExactly(entry("messages", 5), entry("failedMessages", 2),
                entry("shipmentsUpdated", 2), entry("unregisteredPackages", 1));
    }

    // ------------------------------------------------------------------ plausible carrier times (PRODUCT.md §9)

    @Test
    void shouldChangeTheStatusAndAnnounceIt_whenAScanDated2099CameFirst() {
        // given
        String id = register(REGISTERED);
        triggersPublished();
        Scan future = scan(Status.IN_TRANSIT, "2099-01-01T00:00:00+09:00");
        // when: the 2099 scan, then a current OUT_FOR_DELIVERY (received at NOW, happened 30 minutes before)
        assertThat(handler.handleRequest(batchOf(report(REGISTERED, future)), null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(batchOf(report(REGISTERED, scan(Status.OUT_FOR_DELIVERY, "2026-03-03T05:30:00-06:00"))), null)
                .getBatchItemFailures()).isEmpty();
        // then
        Shipment shipment = engine.shipments().byId(id).orElseThrow();
        assertThat(shipment.status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(shipment.tracking().lastScanAt()).isEqualTo(Instant.parse("2026-03-03T11:30:00Z"));
        assertThat(triggersPublished()).containsExactly(Trigger.OUT_FOR_DELIVERY);
        Map<String, AttributeValue> item = scanItem(id, future);
        assertThat(item.get("implausibleTime").bool()).isTrue();
        assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(scanTtl());
        assertThat(engine.shipments().history(id)).hasSize(2);
    }

    @Test
    void shouldOpenNoSuspectedLostCase_andKeepTheScanPastItsCarrierTime_whenAScanIsDated1970() {
        // given
        String id = register(REGISTERED);
        Scan ancient = scan(Status.IN_TRANSIT, "1970-01-01T00:00:00-05:00");
        // when
        assertThat(handler.handleRequest(batchOf(report(REGISTERED, ancient)), null).getBatchItemFailures()).isEmpty();
        long storedTtl = scanTtl();
        clock.set(clock.instant().plus(Duration.ofHours(1)));
        engine.sweepShipments().sweep(100);
        // then
        Shipment shipment = engine.shipments().byId(id).orElseThrow();
        assertThat(shipment.status()).isEqualTo(Status.UNKNOWN);
        assertThat(shipment.suspectedLost()).isFalse();
        assertThat(shipment.tracking().lastScanAt()).isNull();
        assertThat(cloud.dynamo.query(b -> b.tableName(stack.table())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :case)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SHIP#" + id),
                        ":case", AttributeValue.fromS("CASE#")))).items()).isEmpty();
        Map<String, AttributeValue> item = scanItem(id, ancient);
        assertThat(item.get("implausibleTime").bool()).isTrue();
        assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(storedTtl);
    }

    @Test
    void shouldAttachItFlagged_whenAnImplausibleScanCameBeforeTheRegistration() {
        // given: a 2099 scan of a package nobody registered yet
        Scan future = scan(Status.DELIVERED, "2099-06-01T10:00:00Z");
        assertThat(handler.handleRequest(batchOf(report(UNREGISTERED, future)), null).getBatchItemFailures()).isEmpty();
        // when
        String id = register(UNREGISTERED);
        // then
        Shipment shipment = engine.shipments().byId(id).orElseThrow();
        assertThat(shipment.status()).isEqualTo(Status.UNKNOWN);
        assertThat(shipment.terminal()).isFalse();
        assertThat(engine.shipments().history(id)).singleElement().satisfies(t -> assertThat(t.implausibleTime()).isTrue());
    }

    /** PRODUCT.md §9: retention counts from storage (the processor's clock), never from the carrier's time. */
    private long scanTtl() {
        return clock.instant().plus(TrackingPolicy.DEFAULT.retention()).plus(Duration.ofDays(365)).getEpochSecond();
    }

    private Map<String, AttributeValue> scanItem(String id, Scan scan) {
        return cloud.dynamo.query(b -> b.tableName(stack.table()).keyConditionExpression("PK = :pk AND begins_with(SK, :event)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SHIP#" + id),
                                ":event", AttributeValue.fromS("EVENT#")))).items().stream()
                .filter(i -> OffsetDateTime.parse(i.get("occurredAt").s()).isEqual(scan.occurredAt()))
                .findFirst().orElseThrow();
    }

    private String register(TrackingNumber trackingNumber) {
        var r = Scans.registration("unused");
        return engine.registerShipment().register(new RegisterShipment.Command(r.tenantId(), r.orderId(), r.customerId(),
                Carrier.of("ups"), trackingNumber, r.service(), LocalDate.parse("2026-03-06"), r.deliveryAddress(),
                r.contact())).shipment().id();
    }

    private static ScanReport report(TrackingNumber trackingNumber, io.trackline.domain.tracking.Scan scan) {
        var s = new io.trackline.domain.tracking.Scan(scan.carrier(), trackingNumber, scan.status(), scan.occurredAt(),
                scan.description(), scan.location(), "native", scan.rawStatus(), null, null, false, false);
        return new ScanReport("native", "msg_" + s.key().value(), Instant.parse("2026-03-03T12:00:00Z"), s.carrier(),
                trackingNumber, List.of(s), Optional.empty());
    }

    private static SQSEvent batchOf(ScanReport... reports) {
        SQSEvent event = new SQSEvent();
        event.setRecords(Stream.of(reports).map(report -> {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + report.deliveryId());
            message.setBody(ScanReportCodec.encode(report));
            return message;
        }).toList());
        return event;
    }

    /** Five messages, four packages: the first, registered, has two reports (first and last); the third is unregistered. */
    private static SQSEvent fourPackages() {
        return batchOf(report(REGISTERED, scan(Status.IN_TRANSIT, "2026-03-03T03:15:00-06:00")),
                report(TWO_MORE_REGISTERED.get(0), scan(Status.IN_TRANSIT, "2026-03-03T03:20:00-06:00")),
                report(UNREGISTERED, scan(Status.IN_TRANSIT, "2026-03-03T03:25:00-06:00")),
                report(TWO_MORE_REGISTERED.get(1), scan(Status.IN_TRANSIT, "2026-03-03T03:30:00-06:00")),
                report(REGISTERED, scan(Status.OUT_FOR_DELIVERY, "2026-03-03T05:30:00-06:00")));
    }

    /** The handler on this test's wiring, its EMF lines written to {@code metricLines}. */
    private ProcessorHandler handlerWritingMetricsTo(ByteArrayOutputStream metricLines) {
        return new ProcessorHandler(new ProcessorWiring(wiring.trackScans(), wiring.failedMessages(),
                new Emf(TrackingEngine.METRICS_NAMESPACE, new PrintStream(metricLines, true, StandardCharsets.UTF_8), clock)));
    }

    /** The counts of the one EMF line written. */
    private static Map<String, Integer> metrics(ByteArrayOutputStream metricLines) throws JsonProcessingException {
        JsonNode line = Json.mapper().readTree(metricLines.toString(StandardCharsets.UTF_8));
        Map<String, Integer> counts = new LinkedHashMap<>();
        line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics")
                .forEach(metric -> counts.put(metric.path("Name").asText(), line.path(metric.path("Name").asText()).asInt()));
        return counts;
    }

    private String send(String body) {
        return cloud.sqs.sendMessage(b -> b.queueUrl(stack.ingestQueueUrl()).messageBody(body)).messageId();
    }

    /** Relays what the table's stream carries, then reads what reached the shipment-events topic since last asked. */
    private List<Trigger> triggersPublished() {
        relay.drain();
        return cloud.drain(stack.eventsQueueUrl()).stream().map(m -> ShipmentEventCodec.decode(m.body()).trigger()).toList();
    }
}
