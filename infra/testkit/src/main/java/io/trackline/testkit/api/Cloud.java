package io.trackline.testkit.api;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.emulator.Emulator;
import io.trackline.testkit.cloud.Stack;
import io.trackline.testkit.cloud.TemplateStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One moto per test class with template.yaml's resources under their logical ids (TrackingTable, the topics,
 * SupportQueue subscribed to SupportTopic), and the settings the local cloud would give ApiHandler.
 */
public final class Cloud implements AutoCloseable {
    public static final String TABLE = "TrackingTable";
    private final Emulator emulator;
    private final AwsClients clients;
    public final DynamoDbClient dynamo;
    public final SnsClient sns;
    public final SqsClient sqs;
    public final String supportTopicArn;
    public final String emailTopicArn;
    public final String shipmentEventsTopicArn;
    public final String supportQueueUrl;

    public Cloud() {
        emulator = Emulator.start();
        clients = new AwsClients(Settings.of(base()));
        dynamo = clients.dynamoDb();
        sns = clients.sns();
        sqs = clients.sqs();
        Stack stack = TemplateStack.provision(emulator, "");
        supportTopicArn = stack.topics().get("SupportTopic");
        emailTopicArn = stack.topics().get("CustomerEmailTopic");
        shipmentEventsTopicArn = stack.topics().get("ShipmentEventsTopic");
        supportQueueUrl = stack.queue("SupportQueue").url();
    }

    /** ApiHandler's environment; a zero API-key cache TTL so revocation shows at once. */
    public Settings apiSettings() {
        return apiSettings(Map.of());
    }

    /** ApiHandler's environment with some values replaced. */
    public Settings apiSettings(Map<String, String> overrides) {
        var values = base();
        values.put("TABLE_NAME", TABLE);
        values.put("SUPPORT_TOPIC_ARN", supportTopicArn);
        values.put("CUSTOMER_EMAIL_TOPIC_ARN", emailTopicArn);
        values.put("CURSOR_KEY", "integration-test-cursor-key-of-at-least-32-bytes");
        values.put("API_KEY_CACHE_TTL", "PT0S");
        values.putAll(overrides);
        return Settings.of(values);
    }

    public List<String> supportMessages() {
        return sqs.receiveMessage(b -> b.queueUrl(supportQueueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages().stream().map(m -> m.body()).toList();
    }

    private Map<String, String> base() {
        var values = new HashMap<String, String>();
        values.put("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        values.put("AWS_REGION", "us-east-1");
        values.put("AWS_ACCESS_KEY_ID", "test");
        values.put("AWS_SECRET_ACCESS_KEY", "test");
        return values;
    }

    @Override
    public void close() {
        dynamo.close();
        sns.close();
        sqs.close();
        emulator.close();
    }
}
