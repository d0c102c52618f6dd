package io.trackline.api;

import io.trackline.api.adapter.dynamodb.DynamoDbApiKeys;
import io.trackline.api.adapter.dynamodb.DynamoDbCases;
import io.trackline.api.adapter.dynamodb.DynamoDbDeliveryAddresses;
import io.trackline.api.adapter.dynamodb.DynamoDbPreferences;
import io.trackline.api.adapter.dynamodb.DynamoDbTrackingQueries;
import io.trackline.api.adapter.sns.SnsEmailSubscriptions;
import io.trackline.api.adapter.sns.SnsSupportDesk;
import io.trackline.api.application.address.DeliveryAddresses;
import io.trackline.api.application.auth.ApiKeyRegistry;
import io.trackline.api.application.issues.Cases;
import io.trackline.api.application.issues.SupportDesk;
import io.trackline.api.application.preferences.EmailSubscriptions;
import io.trackline.api.application.preferences.PreferencesStore;
import io.trackline.api.application.registration.EngineShipmentRegistration;
import io.trackline.api.application.registration.ShipmentRegistration;
import io.trackline.api.application.tracking.TrackingQueries;
import io.trackline.api.application.webhooks.WebhookPorts;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.http.HttpWebhookSender;
import io.trackline.aws.log.Log;
import io.trackline.aws.queue.SqsDeliveryQueue;
import io.trackline.domain.webhooks.DestinationPolicy;
import io.trackline.domain.webhooks.HostResolver;
import io.trackline.engine.TrackingEngine;
import io.trackline.engine.dynamodb.DynamoDbDeliveryLog;
import io.trackline.engine.dynamodb.DynamoDbWebhookEndpoints;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.sns.SnsClient;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The API's one wiring: everything it talks to, as ports. {@link #from(Settings)} builds the AWS adapters from the
 * function's settings; tests and benchmarks give their own. DynamoDB is built at init (every route reads it); SNS,
 * Secrets Manager and the tracking engine (registration) only when a route first needs them, which keeps them out of
 * the cold start of "Track package". {@code primeAtInit}: the handler answers one "Track package" while it is built, so
 * that under SnapStart the request path is in the snapshot (the function's wiring does; tests and benchmarks need not).
 */
public record ApiWiring(
        TrackingQueries queries,
        ShipmentRegistration registration,
        DeliveryAddresses addresses,
        Cases cases,
        SupportDesk support,
        PreferencesStore preferences,
        EmailSubscriptions emailSubscriptions,
        ApiKeyRegistry apiKeys,
        Duration apiKeyCacheTtl,
        Supplier<byte[]> cursorKey,
        WebhookPorts webhooks,
        Clock clock,
        boolean primeAtInit) {
    private static final Log LOG = Log.of(ApiWiring.class);
    static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

    public static ApiWiring fromEnvironment() {
        return from(Settings.fromEnvironment());
    }

    public static ApiWiring from(Settings settings) {
        return from(settings, new AwsClients(settings));
    }

    /** Tests pass clients that may carry interceptors. */
    public static ApiWiring from(Settings settings, AwsClients clients) {
        var dynamo = clients.dynamoDb();
        String table = settings.required("TABLE_NAME");
        Supplier<SnsClient> sns = memoized(clients::sns);
        Clock clock = Clock.systemUTC();
        var queries = new DynamoDbTrackingQueries(dynamo, table);
        Supplier<ShipmentRegistration> engine = memoized(() ->
                new EngineShipmentRegistration(TrackingEngine.from(settings, clients, clock).registerShipment(), queries));
        return new ApiWiring(
                queries,
                command -> engine.get().register(command),
                new DynamoDbDeliveryAddresses(dynamo, table),
                new DynamoDbCases(dynamo, table),
                new SnsSupportDesk(sns, settings.optional("SUPPORT_TOPIC_ARN").orElse("")),
                new DynamoDbPreferences(dynamo, table, settings.intValue("EMAIL_SUBSCRIPTIONS_DAILY_CAP_PER_CUSTOMER",
                        DynamoDbPreferences.DEFAULT_EMAIL_SUBSCRIPTIONS_PER_DAY)),
                new SnsEmailSubscriptions(sns, settings.optional("CUSTOMER_EMAIL_TOPIC_ARN").orElse("")),
                new DynamoDbApiKeys(dynamo, table),
                settings.duration("API_KEY_CACHE_TTL", Duration.ofSeconds(60)),
                cursorKey(settings, clients),
                webhooks(settings, clients, dynamo, table, clock),
                clock,
                true);
    }

    /**
     * Webhook endpoints and their delivery log in the table; replays go to {@code WEBHOOK_DELIVERY_QUEUE_URL}; a test
     * ping waits {@link #PING_TIMEOUT} at most, so the route answers within the function's 10 s.
     */
    private static WebhookPorts webhooks(Settings settings, AwsClients clients, DynamoDbClient dynamo, String table, Clock clock) {
        Supplier<SqsDeliveryQueue> queue = memoized(() ->
                new SqsDeliveryQueue(clients.sqs(), settings.required("WEBHOOK_DELIVERY_QUEUE_URL"), clock));
        return new WebhookPorts(new DynamoDbWebhookEndpoints(dynamo, table), new DynamoDbDeliveryLog(dynamo, table, clock),
                deliveries -> queue.get().enqueue(deliveries),
                new DestinationPolicy(settings.flag(DestinationPolicy.LOOPBACK_SETTING), HostResolver.SYSTEM), new HttpWebhookSender(PING_TIMEOUT));
    }

    /**
     * The HMAC key of page cursors: the secret {@code CURSOR_SECRET_ARN} (AWS, and the local cloud, which creates the
     * template's secrets), else {@code CURSOR_KEY}; with neither, a random key per container, so cursors still cannot
     * be forged but only work on the container that issued them.
     */
    private static Supplier<byte[]> cursorKey(Settings settings, AwsClients clients) {
        var arn = settings.optional("CURSOR_SECRET_ARN");
        if (arn.isPresent()) {
            return () -> clients.secretsManager().getSecretValue(GetSecretValueRequest.builder().secretId(arn.get()).build())
                    .secretString().getBytes(StandardCharsets.UTF_8);
        }
        var configured = settings.optional("CURSOR_KEY");
        if (configured.isPresent()) return () -> configured.get().getBytes(StandardCharsets.UTF_8);
        return () -> {
            LOG.warn("no CURSOR_SECRET_ARN or CURSOR_KEY: page cursors only work on this container");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        };
    }

    private static <T> Supplier<T> memoized(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) value = factory.get();
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
