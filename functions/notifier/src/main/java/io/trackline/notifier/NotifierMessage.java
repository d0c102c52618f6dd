package io.trackline.notifier;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.notifier.adapter.sqs.SqsHeldAlerts;
import io.trackline.notifier.application.AlertRequest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a notification-queue message carries: a shipment event (from the shipment-events topic, or held back by the
 * notifier itself), or a reply to an SMS (SNS two-way SMS publishes it as JSON with {@code originationNumber} and
 * {@code messageBody}).
 */
sealed interface NotifierMessage {
    record Alert(AlertRequest request) implements NotifierMessage {
    }

    record Reply(PhoneNumber from, String text) implements NotifierMessage {
    }

    /** @throws IllegalArgumentException when the message is neither */
    static NotifierMessage parse(SQSMessage message) {
        String body = message.getBody();
        if (body != null && body.contains("\"originationNumber\"")) {
            try {
                JsonNode reply = Json.mapper().readTree(body);
                return new Reply(new PhoneNumber(reply.path("originationNumber").asText()), reply.path("messageBody").asText(""));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("not an inbound SMS: " + e.getOriginalMessage(), e);
            }
        }
        Map<String, MessageAttribute> attributes = message.getMessageAttributes() == null ? Map.of() : message.getMessageAttributes();
        return new Alert(new AlertRequest(message.getMessageId(), ShipmentEventCodec.decode(body),
                attribute(attributes, SqsHeldAlerts.HELD_CHANNEL).map(Channel::valueOf),
                attribute(attributes, SqsHeldAlerts.HELD_SINCE).map(Instant::parse),
                Optional.ofNullable(message.getReceiptHandle()).filter(h -> !h.isBlank())));
    }

    private static Optional<String> attribute(Map<String, MessageAttribute> attributes, String name) {
        return Optional.ofNullable(attributes.get(name)).map(MessageAttribute::getStringValue);
    }
}
