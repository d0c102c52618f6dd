package io.trackline.aws.dynamo;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.sns.SnsAnnouncer;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.usecase.AnnouncementRelay;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.shipment.usecase.SweepShipments;
import io.trackline.domain.shipment.usecase.TrackScans;

import java.time.Clock;

/**
 * The tracking engine's use cases wired to DynamoDB and SNS, for the processor, the sweeper and the API's registration.
 * Needs {@code TABLE_NAME} and {@code SHIPMENT_EVENTS_TOPIC_ARN}; {@code SUPPORT_TOPIC_ARN} where cases are opened;
 * optional {@code RETENTION_AFTER_END} (P180D), {@code DELAY_GRACE} (PT12H), {@code STALLED_AFTER} (PT48H),
 * {@code LOST_AFTER} (P10D).
 */
public final class TrackingEngine {
    private final DynamoDbShipments shipments;
    private final AnnouncementRelay relay;
    private final TrackingPolicy policy;
    private final Clock clock;

    private TrackingEngine(DynamoDbShipments shipments, AnnouncementRelay relay, TrackingPolicy policy, Clock clock) {
        this.shipments = shipments;
        this.relay = relay;
        this.policy = policy;
        this.clock = clock;
    }

    public static TrackingEngine from(Settings settings, AwsClients clients, Clock clock) {
        TrackingPolicy policy = policy(settings);
        var shipments = new DynamoDbShipments(clients.dynamoDb(), settings.required("TABLE_NAME"), policy, clock);
        var announcer = new SnsAnnouncer(clients.sns(), settings.required("SHIPMENT_EVENTS_TOPIC_ARN"),
                settings.optional("SUPPORT_TOPIC_ARN").orElse(null));
        return new TrackingEngine(shipments, new AnnouncementRelay(shipments, announcer), policy, clock);
    }

    public static TrackingPolicy policy(Settings settings) {
        TrackingPolicy d = TrackingPolicy.DEFAULT;
        return new TrackingPolicy(settings.duration("DELAY_GRACE", d.delayGrace()),
                settings.duration("STALLED_AFTER", d.stalledAfter()), settings.duration("LOST_AFTER", d.lostAfter()),
                settings.duration("RETENTION_AFTER_END", d.retention()));
    }

    public DynamoDbShipments shipments() {
        return shipments;
    }

    public TrackScans trackScans() {
        return new TrackScans(shipments, relay, policy, clock);
    }

    public SweepShipments sweepShipments() {
        return new SweepShipments(shipments, relay, policy, clock);
    }

    public RegisterShipment registerShipment() {
        return new RegisterShipment(shipments, relay, policy, clock, RegisterShipment::newShipmentId);
    }
}
