package io.trackline.sweeper;

import io.trackline.aws.AwsClients;
import io.trackline.testkit.engine.AwsCallCounter;
import io.trackline.testkit.engine.EngineCloud;
import io.trackline.engine.TrackingEngine;
import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.aws.sns.SupportMessage;
import io.trackline.relay.StreamRelay;
import software.amazon.awssdk.services.sqs.model.Message;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.MutableClock;
import io.trackline.domain.shipment.Scans;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.trackline.domain.shipment.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;

/** The sweeper against moto: through the due index only, each alert once, the case opened and sent to support. */
class SweeperHandlerIT {
    @RegisterExtension
    static final EngineCloud.PerTestClass EMULATOR = new EngineCloud.PerTestClass();

    private final EngineCloud cloud = EMULATOR.cloud();

    private final MutableClock clock = new MutableClock(Scans.REGISTERED_AT);
    private final AwsCallCounter counter = new AwsCallCounter();
    private EngineCloud.Stack stack;
    private TrackingEngine engine;
    private SweeperHandler sweeper;
    private StreamRelay relay;

    @BeforeEach
    void deploy() {
        stack = cloud.stack();
        AwsClients clients = cloud.clients(stack, List.of(counter));
        engine = TrackingEngine.from(stack.settings(), clients, clock);
        sweeper = new SweeperHandler(SweeperWiring.from(stack.settings(), clients, clock));
        relay = new StreamRelay(cloud, stack);
    }

    /** Relays what the table's stream carries, then takes what reached the queue since last asked. */
    private List<Message> relayed(String queueUrl) {
        relay.drain();
        return cloud.drain(queueUrl);
    }

    @Test
    void shouldAlertStalledThenSuspectedLostOnceAndOpenCase_whenNoScansArrive() {
        // given: picked up, then silence
        String id = registerAndScan(scan(Status.PICKED_UP, "2026-03-02T10:00:00Z"));
        relayed(stack.eventsQueueUrl());
        // when: sweeps every so often for two weeks
        for (String at : List.of("2026-03-03T10:00:00Z", "2026-03-04T10:15:00Z", "2026-03-04T10:30:00Z",
                "2026-03-12T10:15:00Z", "2026-03-12T10:30:00Z", "2026-03-16T00:00:00Z")) {
            clock.set(Instant.parse(at));
            sweeper.handleRequest(Map.of("source", "aws.events"), null);
        }
        // then
        assertThat(relayed(stack.eventsQueueUrl())).extracting(m -> ShipmentEventCodec.decode(m.body()).trigger())
                .containsExactly(Trigger.STALLED, Trigger.SUSPECTED_LOST, Trigger.DELAYED);
        assertThat(relayed(stack.supportQueueUrl())).singleElement()
                .satisfies(m -> assertThat(SupportMessage.decode(m.body()).shipmentId()).isEqualTo(id));
        var cases = cloud.dynamo.query(b -> b.tableName(stack.table())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :case)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SHIP#" + id), ":case", AttributeValue.fromS("CASE#"))))
                .items();
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.get("type").s()).isEqualTo("SUSPECTED_LOST");
            assertThat(c.get("status").s()).isEqualTo("OPEN");
        });
        var shipment = engine.shipments().byId(id).orElseThrow();
        assertThat(shipment.suspectedLost()).isTrue();
        assertThat(shipment.delayed()).isTrue();
        assertThat(counter.count("DynamoDb:Scan")).as("never a table scan").isZero();
    }

    @Test
    void shouldNotAlert_whenShipmentIsDeliveredBeforeItIsDue() {
        // given
        registerAndScan(scan(Status.DELIVERED, "2026-03-03T10:00:00Z"));
        relayed(stack.eventsQueueUrl());
        // when
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        sweeper.handleRequest(Map.of(), null);
        // then
        assertThat(relayed(stack.eventsQueueUrl())).isEmpty();
        assertThat(counter.count("DynamoDb:Scan")).isZero();
    }

    private String registerAndScan(io.trackline.domain.tracking.Scan scan) {
        var r = Scans.registration("unused");
        String id = engine.registerShipment().register(new RegisterShipment.Command(r.tenantId(), r.orderId(),
                r.customerId(), r.carrier(), r.trackingNumber(), r.service(), r.promisedDeliveryDate(), r.deliveryAddress(),
                r.contact())).shipment().id();
        engine.trackScans().track(new PackageScans(Scans.CARRIER, Scans.TRACKING, List.of(scan), List.of()));
        return id;
    }
}
