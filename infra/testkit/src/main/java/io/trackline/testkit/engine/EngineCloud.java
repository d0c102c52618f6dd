package io.trackline.testkit.engine;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.emulator.Emulator;
import io.trackline.testkit.cloud.TemplateStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * template.yaml's resources on the emulator (provisioned from the template by the test kit): TrackingTable, the ingest
 * queue with its DLQ (maxReceiveCount 5), the shipment-events and support topics, and a queue subscribed to each topic
 * so tests can count what was published.
 */
public final class EngineCloud implements AutoCloseable {
    public static final int MAX_RECEIVE_COUNT = 5;
    /** GSI2's projected attributes in template.yaml (GSI1 and GSI3 project keys only). */
    public static final List<String> GSI2_ATTRIBUTES = TemplateStack.template().tables().stream()
            .filter(t -> t.logicalId().equals("TrackingTable"))
            .flatMap(t -> t.globalIndexes().stream())
            .filter(i -> i.name().equals("GSI2"))
            .findFirst().orElseThrow().nonKeyAttributes();

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

    /**
     * A fresh set of template.yaml's resources with unique names, so tests in one emulator never see each other's
     * data: TrackingTable, IngestQueue (visibility timeout 0, so a failed message comes back at once) with its DLQ,
     * ShipmentEventsTopic and SupportTopic, each with a queue of its own subscribed (raw, unfiltered) to count what
     * was published.
     */
    public Stack stack() {
        var provisioned = TemplateStack.provision(emulator.endpoint(), TemplateStack.freshPrefix(), Optional.of(Duration.ZERO));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String table = provisioned.tables().get("TrackingTable");
        String dlq = provisioned.queue("IngestDeadLetterQueue").url();
        String ingest = provisioned.queue("IngestQueue").url();
        String events = provisioned.topics().get("ShipmentEventsTopic");
        String support = provisioned.topics().get("SupportTopic");
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
