package io.trackline.notifier;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Json;
import io.trackline.aws.Settings;
import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.emulator.Emulator;
import io.trackline.testkit.cloud.MotoData;
import io.trackline.testkit.cloud.Stack;
import io.trackline.testkit.cloud.TemplateStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * template.yaml's resources on the emulator, provisioned from the template by the test kit: TrackingTable,
 * ShipmentEventsTopic → NotificationQueue (raw delivery, filter on {@code trigger}), CustomerEmailTopic, and an "inbox" queue subscribed to
 * the email topic with one customer's filter policy, standing in for their confirmed email address. {@link #drain}
 * polls the queue as Lambda's event source mapping does.
 */
final class CloudFixture {
    final Emulator emulator = Emulator.start();
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final Settings baseSettings = Settings.of(Map.of(
            "AWS_ENDPOINT_URL", emulator.endpoint().toString(), "AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
    final AwsClients clients = new AwsClients(baseSettings);
    final DynamoDbClient dynamoDb = clients.dynamoDb();
    final SqsClient sqs = clients.sqs();
    final SnsClient sns = clients.sns();
    /** template.yaml's resources; every queue's visibility timeout 30 s (failed messages are made visible at once). */
    final Stack stack = TemplateStack.provision(emulator.endpoint(), TemplateStack.freshPrefix(), Optional.of(Duration.ofSeconds(30)));
    final String table = stack.tables().get("TrackingTable");
    final String eventsTopicArn = stack.topics().get("ShipmentEventsTopic");
    final String emailTopicArn = stack.topics().get("CustomerEmailTopic");
    final String queueUrl = stack.queue("NotificationQueue").url();

    /** NotifierFunction's environment as the local cloud resolves it, plus overrides. */
    Settings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "AWS_ENDPOINT_URL", emulator.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "TABLE_NAME", table, "CUSTOMER_EMAIL_TOPIC_ARN", emailTopicArn, "NOTIFICATION_QUEUE_URL", queueUrl,
                "TRACKING_PAGE_URL", Fixtures.TRACKING_PAGE, "SMS_DAILY_CAP_PER_SHIPMENT", "5", "SMS_DAILY_CAP_PER_CUSTOMER", "20"));
        values.putAll(overrides);
        return Settings.of(values);
    }

    /** A queue that receives what SNS would email to this customer (their subscription's filter policy). */
    String inboxFor(String customerId) {
        String url = sqs.createQueue(b -> b.queueName("Inbox-" + customerId + "-" + suffix)).queueUrl();
        sns.subscribe(b -> b.topicArn(emailTopicArn).protocol("sqs").endpoint(queueArn(url))
                .attributes(Map.of("FilterPolicy", "{\"customerId\":[\"" + customerId + "\"]}")));
        return url;
    }

    /** Every SNS envelope in a queue (non-raw delivery), read and deleted. */
    List<JsonNode> receiveAll(String url) {
        List<JsonNode> envelopes = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) return envelopes;
            for (Message message : messages) {
                envelopes.add(json(message.body()));
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
    }

    void publish(ShipmentEvent event) {
        Map<String, MessageAttributeValue> attributes = ShipmentEventCodec.attributes(event).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> MessageAttributeValue.builder().dataType("String").stringValue(e.getValue()).build()));
        sns.publish(b -> b.topicArn(eventsTopicArn).message(ShipmentEventCodec.encode(event)).messageAttributes(attributes));
    }

    void sendRaw(String body) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    /**
     * Polls the notification queue like Lambda: batches of up to 10, acknowledged messages deleted, failed ones made
     * visible again at once (instead of after the visibility timeout). Returns the number of handler invocations.
     */
    int drain(NotifierHandler handler) {
        int invocations = 0;
        while (invocations < 50) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (messages.isEmpty()) return invocations;
            SQSEvent event = new SQSEvent();
            event.setRecords(messages.stream().map(CloudFixture::lambdaMessage).toList());
            SQSBatchResponse response = handler.handleRequest(event, null);
            invocations++;
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            for (Message message : messages) {
                if (failed.contains(message.messageId())) {
                    sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
                } else {
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
        }
        throw new AssertionError("queue never drained: a message keeps failing");
    }

    /** SMS that moto recorded for a number ({@link MotoData}). */
    List<String> smsTo(String phone) {
        return MotoData.smsTo(emulator.endpoint(), phone).stream()
                .map(node -> node.path("message").asText())
                .toList();
    }

    void put(Map<String, AttributeValue> item) {
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    List<Map<String, AttributeValue>> notifications(String shipmentId) {
        return dynamoDb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :notif)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SHIP#" + shipmentId),
                        ":notif", AttributeValue.fromS("NOTIF#")))).items();
    }

    void close() {
        emulator.close();
    }

    private String queueArn(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    static SQSEvent.SQSMessage lambdaMessage(Message message) {
        SQSEvent.SQSMessage lambda = new SQSEvent.SQSMessage();
        lambda.setMessageId(message.messageId());
        lambda.setReceiptHandle(message.receiptHandle());
        lambda.setBody(message.body());
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            attributes.put(name, attribute);
        });
        lambda.setMessageAttributes(attributes);
        return lambda;
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
