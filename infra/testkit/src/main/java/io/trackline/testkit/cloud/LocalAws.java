package io.trackline.testkit.cloud;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.emulator.Emulator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The emulator's endpoint with the settings every local function gets, and the runner's own SDK clients. */
public final class LocalAws implements AutoCloseable {
    public static final String ACCOUNT_ID = "123456789012";

    private final URI endpoint;
    private final String region;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient dynamoDbStreams;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final SecretsManagerClient secretsManager;

    public LocalAws(URI endpoint, String region) {
        this(endpoint, region, Emulator.DEMO_ACCESS_KEY, Emulator.DEMO_ACCESS_KEY);
    }

    /** With the keys of an IAM user, for an emulator that enforces IAM. */
    public LocalAws(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        this.endpoint = endpoint;
        this.region = region;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        AwsClients clients = new AwsClients(Settings.of(settings(Map.of())));
        this.dynamoDb = clients.dynamoDb();
        this.dynamoDbStreams = clients.dynamoDbStreams();
        this.sqs = clients.sqs();
        this.sns = clients.sns();
        this.secretsManager = clients.secretsManager();
    }

    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    /**
     * A function's settings: its resolved template environment plus what Lambda and the emulator add. Built per
     * function, never written into the process environment (all functions share this JVM).
     */
    public Map<String, String> settings(Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>(environment);
        values.put("AWS_ENDPOINT_URL", endpoint.toString());
        values.put("AWS_REGION", region);
        values.put("AWS_DEFAULT_REGION", region);
        values.put("AWS_ACCESS_KEY_ID", accessKeyId);
        values.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        return values;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return dynamoDbStreams;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public SnsClient sns() {
        return sns;
    }

    public SecretsManagerClient secretsManager() {
        return secretsManager;
    }

    @Override
    public void close() {
        dynamoDb.close();
        dynamoDbStreams.close();
        sqs.close();
        sns.close();
        secretsManager.close();
    }
}
