package io.trackline.aws.sns;

import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.domain.shipment.Announcement;
import io.trackline.domain.shipment.SuspectedLoss;
import io.trackline.domain.shipment.port.Announcer;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Publishes shipment events to the shipment-events topic (body and attributes of {@link ShipmentEventCodec}) and
 * suspected-loss cases to the support topic.
 */
public final class SnsAnnouncer implements Announcer {
    private final SnsClient sns;
    private final String shipmentEventsTopicArn;
    private final String supportTopicArn;

    /** @param supportTopicArn may be {@code null} for a function that never opens cases (the processor) */
    public SnsAnnouncer(SnsClient sns, String shipmentEventsTopicArn, String supportTopicArn) {
        this.sns = sns;
        this.shipmentEventsTopicArn = shipmentEventsTopicArn;
        this.supportTopicArn = supportTopicArn;
    }

    @Override
    public void announce(Announcement announcement) {
        if (announcement.event() != null) {
            var event = announcement.event();
            sns.publish(b -> b.topicArn(shipmentEventsTopicArn).message(ShipmentEventCodec.encode(event))
                    .messageAttributes(attributes(ShipmentEventCodec.attributes(event))));
        } else {
            if (supportTopicArn == null) throw new IllegalStateException("SUPPORT_TOPIC_ARN is not configured");
            SuspectedLoss loss = announcement.suspectedLoss();
            sns.publish(b -> b.topicArn(supportTopicArn).message(SupportMessage.encode(loss))
                    .messageAttributes(attributes(Map.of("type", SuspectedLoss.TYPE, "tenantId", loss.tenantId()))));
        }
    }

    private static Map<String, MessageAttributeValue> attributes(Map<String, String> values) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> MessageAttributeValue.builder().dataType("String").stringValue(e.getValue()).build()));
    }
}
