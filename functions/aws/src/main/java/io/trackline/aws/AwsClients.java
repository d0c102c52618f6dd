package io.trackline.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one factory of AWS SDK clients: url-connection HTTP client (small, fast cold start), region, endpoint,
 * credentials and call timeouts from {@link Settings}. Build it once per container, in a handler's constructor.
 *
 * <p>Timeouts: every call gives up after {@code SDK_CALL_TIMEOUT} (retries included) and each attempt after
 * {@code SDK_CALL_ATTEMPT_TIMEOUT} (ISO-8601 durations), so a slow dependency becomes an {@code SdkException} that the
 * function answers (503, a failed batch item) inside its Lambda timeout instead of timing out. The defaults for a
 * function in AWS ({@code AWS_LAMBDA_FUNCTION_NAME} set, no {@code AWS_ENDPOINT_URL}) or under any Lambda runtime
 * ({@code AWS_LAMBDA_RUNTIME_API} set: AWS's, or the local cloud's, which enforces the function's {@code Timeout} too, so
 * the calls must fit it there as well), 3 s and 1.5 s, fit the API and
 * webhook functions' 10 s: the webhook's slowest path is a re-read of its secret and two queue calls (one retry of what
 * failed), about 9 s at most; the other functions, with 30 s and more, make the same millisecond calls. Elsewhere
 * (the {@code infra/bin} tools, far from the region and long-polling; the local cloud's in-process mode, tests and benchmarks on moto,
 * one Python process on a shared machine) the defaults are 20 s and 10 s (10 s was the socket timeout before there
 * were call timeouts). The HTTP client's socket timeout is the attempt timeout, its connect timeout 2 s at most.
 */
public final class AwsClients {
    /** DynamoDB, SQS, SNS and Secrets Manager answer in milliseconds; 1.5 s is a hung connection or a sick endpoint. */
    public static final Duration FUNCTION_ATTEMPT_TIMEOUT = Duration.ofMillis(1500);
    /** Two attempts (the SDK retries a timed-out one): 3 s. */
    public static final Duration FUNCTION_CALL_TIMEOUT = FUNCTION_ATTEMPT_TIMEOUT.multipliedBy(2);
    public static final Duration ELSEWHERE_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration ELSEWHERE_CALL_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final Settings settings;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Duration callTimeout;
    private final Duration attemptTimeout;
    private final SdkHttpClient http;
    private final List<ExecutionInterceptor> interceptors;
    private final Map<Class<? extends SdkClient>, SdkClient> built = new ConcurrentHashMap<>();

    public AwsClients(Settings settings) {
        this(settings, List.of());
    }

    /** Interceptors let tests and benchmarks count calls or inject faults without faking AWS. */
    public AwsClients(Settings settings, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.region = Region.of(settings.region());
        this.credentials = credentials(settings);
        boolean functionInAws = settings.optional("AWS_LAMBDA_RUNTIME_API").isPresent()
                || settings.optional("AWS_LAMBDA_FUNCTION_NAME").isPresent() && settings.endpoint().isEmpty();
        this.callTimeout = settings.duration("SDK_CALL_TIMEOUT", functionInAws ? FUNCTION_CALL_TIMEOUT : ELSEWHERE_CALL_TIMEOUT);
        this.attemptTimeout = settings.duration("SDK_CALL_ATTEMPT_TIMEOUT",
                functionInAws ? FUNCTION_ATTEMPT_TIMEOUT : ELSEWHERE_ATTEMPT_TIMEOUT);
        if (callTimeout.isNegative() || callTimeout.isZero() || attemptTimeout.isNegative() || attemptTimeout.isZero()
                || attemptTimeout.compareTo(callTimeout) > 0) {
            throw new IllegalStateException("SDK_CALL_ATTEMPT_TIMEOUT (" + attemptTimeout + ") must be positive and at most "
                    + "SDK_CALL_TIMEOUT (" + callTimeout + ")");
        }
        this.interceptors = List.copyOf(interceptors);
        // The SDK aborts a timed-out attempt itself; a read that outlasts the attempt is of no use, so the socket gives up too.
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(attemptTimeout.compareTo(CONNECT_TIMEOUT) < 0 ? attemptTimeout : CONNECT_TIMEOUT)
                .socketTimeout(attemptTimeout)
                .build();
    }

    public DynamoDbClient dynamoDb() {
        return shared(DynamoDbClient.class, DynamoDbClient::builder);
    }

    /** The table's change stream (the local cloud's stream event source and tests read it). */
    public DynamoDbStreamsClient dynamoDbStreams() {
        return shared(DynamoDbStreamsClient.class, DynamoDbStreamsClient::builder);
    }

    public SqsClient sqs() {
        return shared(SqsClient.class, SqsClient::builder);
    }

    public SnsClient sns() {
        return shared(SnsClient.class, SnsClient::builder);
    }

    public SecretsManagerClient secretsManager() {
        return shared(SecretsManagerClient.class, SecretsManagerClient::builder);
    }

    /** What every call may take, retries included ({@code SDK_CALL_TIMEOUT}). */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** What one attempt may take ({@code SDK_CALL_ATTEMPT_TIMEOUT}). */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    /**
     * One client per service, built on first use and then shared: an SDK client is thread-safe and meant to live as long
     * as the container (a second one of a service costs only about 2 ms, its thread pools and connections aside). So
     * nobody closes a client they get here.
     */
    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C shared(Class<C> service,
                                                                                                          Supplier<B> builder) {
        return service.cast(built.computeIfAbsent(service, s -> configure(builder.get()).build()));
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(callTimeout)
                        .apiCallAttemptTimeout(attemptTimeout)
                        .executionInterceptors(interceptors)
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * Keys in the settings (Lambda's environment without SnapStart, the local cloud's emulator keys, tools run with
     * exported STS or SSO keys) are used as they are, with {@code AWS_SESSION_TOKEN} when present: temporary keys are
     * refused without it. Without keys, the SDK's default chain: the container endpoint (Lambda with SnapStart), the
     * profile ({@code AWS_PROFILE}; SSO profiles where the {@code sso} and {@code ssooidc} modules are on the
     * classpath, as they are for {@code infra/bin} tools and not in function jars), web identity, instance metadata.
     */
    public static AwsCredentialsProvider credentials(Settings settings) {
        var key = settings.optional("AWS_ACCESS_KEY_ID");
        var secret = settings.optional("AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent()) {
            var token = settings.optional("AWS_SESSION_TOKEN");
            AwsCredentials credentials = token.isPresent()
                    ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
                    : AwsBasicCredentials.create(key.get(), secret.get());
            return StaticCredentialsProvider.create(credentials);
        }
        var chain = DefaultCredentialsProvider.builder();
        settings.profileName().ifPresent(chain::profileName);
        return chain.build();
    }
}
