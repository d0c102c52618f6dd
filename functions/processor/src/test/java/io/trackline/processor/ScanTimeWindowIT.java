package io.trackline.processor;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.AwsClients;
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
import io.trackline.engine.TrackingEngine;
import io.trackline.engine.dynamodb.EngineCloud;
import io.trackline.relay.StreamRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackline.domain.shipment.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §9 on moto, through the processor: a scan dated 2099 cannot freeze the status, one dated 1970 cannot make
 * the sweeper open a suspected-lost case, and each is kept once, flagged, with a TTL counted from when it was stored.
 */
class ScanTimeWindowIT {
    private static final TrackingNumber PACKAGE = TrackingNumber.of("1Z999AA10123456784");
    private static final TrackingNumber UNREGISTERED = TrackingNumber.of("1Z999AA10123456785");
    private static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");
    private static final long SCAN_TTL = NOW.plus(TrackingPolicy.DEFAULT.retention()).plus(Duration.ofDays(365))
            .getEpochSecond();

    @RegisterExtension
    static final EngineCloud.PerTestClass EMULATOR = new EngineCloud.PerTestClass();

    private final EngineCloud cloud = EMULATOR.cloud();
    private final MutableClock clock = new MutableClock(NOW);
    private EngineCloud.Stack stack;
    private TrackingEngine engine;
    private ProcessorHandler handler;
    private StreamRelay relay;

    @BeforeEach
    void deploy() {
        stack = cloud.stack();
        AwsClients clients = cloud.clients(stack, List.of());
        engine = TrackingEngine.from(stack.settings(), clients, clock);
        handler = new ProcessorHandler(stack.settings(), clients, clock);
        relay = new StreamRelay(cloud, stack);
    }

    @Test
    void shouldChangeTheStatusAndAnnounceIt_whenAScanDated2099CameFirst() {
        // given
        String id = register(PACKAGE);
        triggersPublished();
        Scan future = scan(Status.IN_TRANSIT, "2099-01-01T00:00:00+09:00");
        // when: the 2099 scan, then a current OUT_FOR_DELIVERY (received at NOW, happened 30 minutes before)
        assertThat(handler.handleRequest(batchOf(report(PACKAGE, future)), null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(batchOf(report(PACKAGE, scan(Status.OUT_FOR_DELIVERY, "2026-03-03T05:30:00-06:00"))), null)
                .getBatchItemFailures()).isEmpty();
        // then
        Shipment shipment = engine.shipments().byId(id).orElseThrow();
        assertThat(shipment.status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(shipment.tracking().lastScanAt()).isEqualTo(Instant.parse("2026-03-03T11:30:00Z"));
        assertThat(triggersPublished()).containsExactly(Trigger.OUT_FOR_DELIVERY);
        Map<String, AttributeValue> item = scanItem(id, future);
        assertThat(item.get("implausibleTime").bool()).isTrue();
        assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(SCAN_TTL);
        assertThat(engine.shipments().history(id)).hasSize(2);
    }

    @Test
    void shouldOpenNoSuspectedLostCase_andKeepTheScanPastItsCarrierTime_whenAScanIsDated1970() {
        // given
        String id = register(PACKAGE);
        Scan ancient = scan(Status.IN_TRANSIT, "1970-01-01T00:00:00-05:00");
        // when
        assertThat(handler.handleRequest(batchOf(report(PACKAGE, ancient)), null).getBatchItemFailures()).isEmpty();
        clock.set(NOW.plus(Duration.ofHours(1)));
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
        assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(SCAN_TTL);
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

    private static ScanReport report(TrackingNumber trackingNumber, Scan scan) {
        var s = new Scan(scan.carrier(), trackingNumber, scan.status(), scan.occurredAt(), scan.description(),
                scan.location(), "native", scan.rawStatus(), null, null, false, false);
        return new ScanReport("native", "msg_" + s.key().value(), NOW, s.carrier(), trackingNumber, List.of(s),
                Optional.empty());
    }

    private static SQSEvent batchOf(ScanReport report) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-" + report.deliveryId());
        message.setBody(ScanReportCodec.encode(report));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    private List<Trigger> triggersPublished() {
        relay.drain();
        return cloud.drain(stack.eventsQueueUrl()).stream().map(m -> ShipmentEventCodec.decode(m.body()).trigger()).toList();
    }
}
