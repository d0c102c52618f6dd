package io.trackline.engine;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.engine.dynamodb.DynamoDbShipments;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.shipment.usecase.SweepShipments;
import io.trackline.domain.shipment.usecase.TrackScans;

import java.time.Clock;

/**
 * The tracking engine's use cases wired to DynamoDB, for the processor, the sweeper and the API's registration. They
 * publish nothing themselves: announcements leave through the table's stream and the relay function. Needs
 * {@code TABLE_NAME}; optional {@code RETENTION_AFTER_END} (P180D), {@code DELAY_GRACE} (PT12H), {@code STALLED_AFTER} (PT48H),
 * {@code LOST_AFTER} (P10D).
 */
public final class TrackingEngine {
    /** CloudWatch namespace of the engine's metrics: the processor's, the sweeper's and the relay's. */
    public static final String METRICS_NAMESPACE = "Trackline/Engine";
    private final DynamoDbShipments shipments;
    private final TrackingPolicy policy;
    private final Clock clock;

    private TrackingEngine(DynamoDbShipments shipments, TrackingPolicy policy, Clock clock) {
        this.shipments = shipments;
        this.policy = policy;
        this.clock = clock;
    }

    public static TrackingEngine from(Settings settings, AwsClients clients, Clock clock) {
        TrackingPolicy policy = policy(settings);
        var shipments = new DynamoDbShipments(clients.dynamoDb(), settings.required("TABLE_NAME"), policy, clock);
        return new TrackingEngine(shipments, policy, clock);
    }

    public static TrackingPolicy policy(Settings settings) {
        TrackingPolicy d = TrackingPolicy.DEFAULT;
        return new TrackingPolicy(settings.duration("DELAY_GRACE", d.delayGrace()),
                settings.duration("STALLED_AFTER", d.stalledAfter()), settings.duration("LOST_AFTER", d.lostAfter()),
                settings.duration("RETENTION_AFTER_END", d.retention()),
                settings.duration("SCAN_AHEAD", d.scanAhead()), settings.duration("SCAN_MAX_AGE", d.scanMaxAge()));
    }

    public DynamoDbShipments shipments() {
        return shipments;
    }

    public TrackScans trackScans() {
        return new TrackScans(shipments, policy, clock);
    }

    public SweepShipments sweepShipments() {
        return new SweepShipments(shipments, policy, clock);
    }

    public RegisterShipment registerShipment() {
        return new RegisterShipment(shipments, policy, clock, RegisterShipment::newShipmentId);
    }
}
