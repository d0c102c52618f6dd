package io.trackline.relay;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.metrics.Emf;
import io.trackline.aws.sns.SnsAnnouncer;
import io.trackline.domain.shipment.usecase.AnnouncementRelay;
import io.trackline.engine.TrackingEngine;
import io.trackline.relay.application.OrderedRelay;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The relay's one wiring: the outbox relay publishing to {@code SHIPMENT_EVENTS_TOPIC_ARN} and {@code SUPPORT_TOPIC_ARN}
 * (for the function and for the replay command), and the engine's EMF metrics.
 */
public record RelayWiring(OrderedRelay relay, Emf metrics) {

    public static RelayWiring fromEnvironment() {
        return from(Settings.fromEnvironment());
    }

    public static RelayWiring from(Settings settings) {
        return from(settings, new AwsClients(settings));
    }

    /** Tests and benchmarks pass clients with interceptors (call counting, fault injection). */
    public static RelayWiring from(Settings settings, AwsClients clients) {
        return new RelayWiring(toTopics(settings, clients.sns()), Emf.toLog(TrackingEngine.METRICS_NAMESPACE));
    }

    /** Publishing as the relay function does. */
    public static OrderedRelay toTopics(Settings settings, SnsClient sns) {
        return new OrderedRelay(new AnnouncementRelay(new SnsAnnouncer(sns, settings.required("SHIPMENT_EVENTS_TOPIC_ARN"),
                settings.required("SUPPORT_TOPIC_ARN"))));
    }
}
