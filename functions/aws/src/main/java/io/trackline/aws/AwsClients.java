package io.trackline.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.util.List;

/**
 * The one factory of AWS SDK clients: url-connection HTTP client (small, fast cold start), region and endpoint from
 * {@link Settings}. Build it once per container, in a handler's constructor.
 */
public final class AwsClients {
    private final Settings settings;
    private final SdkHttpClient http;
    private final List<ExecutionInterceptor> interceptors;

    public AwsClients(Settings settings) {
        this(settings, List.of());
    }

    /** Interceptors let tests and benchmarks count calls or inject faults without faking AWS. */
    public AwsClients(Settings settings, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.interceptors = List.copyOf(interceptors);
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    /** The table's change stream (the local cloud's stream event source and tests read it). */
    public DynamoDbStreamsClient dynamoDbStreams() {
        return configure(DynamoDbStreamsClient.builder()).build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder()).build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder()).build();
    }

    public SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials())
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(interceptors).build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    /** Explicit keys when the settings carry them (the local cloud's emulator); otherwise the Lambda role's. */
    private AwsCredentialsProvider credentials() {
        var key = settings.optional("AWS_ACCESS_KEY_ID");
        var secret = settings.optional("AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
