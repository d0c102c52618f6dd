package io.trackline.engine.dynamodb;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.emulator.Emulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The engine's slice of template.yaml on the emulator: TrackingTable (same keys, indexes and stream), the ingest queue with its
 * DLQ (maxReceiveCount 5), the shipment-events and support topics, and a queue subscribed to each topic so tests can
 * count what was published.
 */
public final class EngineCloud implements AutoCloseable {
    public static final int MAX_RECEIVE_COUNT = 5;
    /** GSI2's projected attributes in template.yaml (GSI1 and GSI3 project keys only). */
    public static final List<String> GSI2_ATTRIBUTES = List.of("tenantId", "orderId", "customerId", "createdAt", "shipmentIds");

    public final Emulator emulator;
    public final AwsClients clients;
    public final DynamoDbClient dynamo;
    public final SqsClient sqs;
    public final SnsClient sns;

    private EngineCloud(Emulator emulator) {
        this.emulator = emulator;
        this.clients = new AwsClients(baseSettings(emulator, Map.of()));
        this.dynamo = clients.dynamoDb();
        this.sqs = clients.sqs();
        this.sns = clients.sns();
    }

    public static EngineCloud start() {
        return new EngineCloud(Emulator.start());
    }

    /** A fresh set of resources with unique names, so tests in one emulator never see each other's data. */
    public Stack stack() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String table = "TrackingTable-" + suffix;
        createTable(table);
        String dlq = sqs.createQueue(b -> b.queueName("IngestDLQ-" + suffix)).queueUrl();
        String dlqArn = arn(dlq);
        String ingest = sqs.createQueue(b -> b.queueName("Ingest-" + suffix).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "0",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}"))).queueUrl();
        String events = sns.createTopic(b -> b.name("ShipmentEvents-" + suffix)).topicArn();
        String support = sns.createTopic(b -> b.name("Support-" + suffix)).topicArn();
        String eventsQueue = subscribedQueue(events, "Events-" + suffix);
        String supportQueue = subscribedQueue(support, "Support-" + suffix);
        Map<String, String> env = Map.of("TABLE_NAME", table, "SHIPMENT_EVENTS_TOPIC_ARN", events,
                "SUPPORT_TOPIC_ARN", support, "INGEST_QUEUE_URL", ingest);
        return new Stack(baseSettings(emulator, env), table, ingest, dlq, eventsQueue, supportQueue);
    }

    /** Resources of one test and the function settings that point at them. */
    public record Stack(Settings settings, String table, String ingestQueueUrl, String deadLetterQueueUrl,
                        String eventsQueueUrl, String supportQueueUrl) {
    }

    public AwsClients clients(Stack stack, List<ExecutionInterceptor> interceptors) {
        return new AwsClients(stack.settings(), interceptors);
    }

    /** Drains a queue: every message currently on it. */
    public List<Message> drain(String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            var batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty()) return all;
            all.addAll(batch);
            for (Message m : batch) sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
    }

    public int approximateCount(String queueUrl) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private String subscribedQueue(String topicArn, String name) {
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn(url))
                .attributes(Map.of("RawMessageDelivery", "true")));
        return url;
    }

    private String arn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private void createTable(String name) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (String a : List.of("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK", "GSI3SK")) {
            attributes.add(AttributeDefinition.builder().attributeName(a).attributeType(ScalarAttributeType.S).build());
        }
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .globalSecondaryIndexes(index("GSI1", keysOnly()), index("GSI2", Projection.builder()
                                .projectionType(ProjectionType.INCLUDE).nonKeyAttributes(GSI2_ATTRIBUTES).build()),
                        index("GSI3", keysOnly()))
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
    }

    private static Projection keysOnly() {
        return Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();
    }

    private static GlobalSecondaryIndex index(String name, Projection projection) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(name + "PK", KeyType.HASH), key(name + "SK", KeyType.RANGE))
                .projection(projection).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static Settings baseSettings(Emulator emulator, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("AWS_ENDPOINT_URL", emulator.endpoint().toString(),
                "AWS_REGION", Emulator.DEFAULT_REGION, "AWS_ACCESS_KEY_ID", Emulator.DEMO_ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", Emulator.DEMO_ACCESS_KEY));
        values.putAll(extra);
        return Settings.of(values);
    }

    @Override
    public void close() {
        emulator.close();
    }

    /**
     * One emulator per test class: {@code @RegisterExtension static final EngineCloud.PerTestClass EMULATOR = new
     * EngineCloud.PerTestClass();}, then {@code EMULATOR.cloud()} in the tests (started before the test instance exists).
     */
    public static final class PerTestClass implements BeforeAllCallback, AfterAllCallback {
        private EngineCloud cloud;

        public EngineCloud cloud() {
            return cloud;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            cloud = EngineCloud.start();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            cloud.close();
        }
    }
}
