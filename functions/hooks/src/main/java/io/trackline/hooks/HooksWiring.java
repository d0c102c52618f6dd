package io.trackline.hooks;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.http.HttpWebhookSender;
import io.trackline.aws.queue.SqsDeliveryQueue;
import io.trackline.domain.webhooks.DestinationPolicy;
import io.trackline.domain.webhooks.HostResolver;
import io.trackline.domain.webhooks.RetrySchedule;
import io.trackline.domain.webhooks.port.WebhookSender;
import io.trackline.domain.webhooks.usecase.AttemptDelivery;
import io.trackline.engine.dynamodb.DynamoDbDeliveryLog;
import io.trackline.engine.dynamodb.DynamoDbWebhookEndpoints;
import io.trackline.hooks.adapter.dynamodb.NewestShipmentViews;
import io.trackline.hooks.adapter.json.JsonPayloads;
import io.trackline.hooks.adapter.sns.SnsOperations;
import io.trackline.hooks.adapter.sqs.SqsRetries;
import io.trackline.hooks.application.DeliverWebhooks;
import io.trackline.hooks.application.FanOutEvents;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Builds both webhook functions' use cases from their settings ({@code template.yaml}, WebhookFanOutFunction and
 * WebhookDeliveryFunction): {@code TABLE_NAME}, {@code WEBHOOK_DELIVERY_QUEUE_URL}, {@code OPERATIONS_TOPIC_ARN}
 * (delivery), and two the template never sets: {@code WEBHOOK_ALLOW_LOOPBACK_HTTP} ({@code true} only in the local
 * cloud: {@code http://127.0.0.1:<port>} receivers) and {@code WEBHOOK_RETRY_SCALE} (tests: every retry delay and the
 * 72 h give-up, times this factor in (0, 1]).
 */
public final class HooksWiring {
    private final Settings settings;
    private final AwsClients clients;
    private final Clock clock;
    private final HostResolver resolver;
    private final WebhookSender sender;

    public HooksWiring(Settings settings, AwsClients clients, Clock clock, HostResolver resolver, WebhookSender sender) {
        this.settings = settings;
        this.clients = clients;
        this.clock = clock;
        this.resolver = resolver;
        this.sender = sender;
    }

    public static HooksWiring fromEnvironment() {
        return from(Settings.fromEnvironment());
    }

    public static HooksWiring from(Settings settings) {
        return from(settings, new AwsClients(settings));
    }

    /** Tests and benchmarks pass clients that may carry interceptors. */
    public static HooksWiring from(Settings settings, AwsClients clients) {
        return from(settings, clients, Clock.systemUTC());
    }

    /** Tests that run the functions at a time of their own. */
    public static HooksWiring from(Settings settings, AwsClients clients, Clock clock) {
        return new HooksWiring(settings, clients, clock, HostResolver.SYSTEM, new HttpWebhookSender());
    }

    public FanOutEvents fanOut() {
        String table = settings.required("TABLE_NAME");
        return new FanOutEvents(new DynamoDbWebhookEndpoints(clients.dynamoDb(), table),
                new NewestShipmentViews(clients.dynamoDb(), table),
                new DynamoDbDeliveryLog(clients.dynamoDb(), table, clock),
                new SqsDeliveryQueue(clients.sqs(), settings.required("WEBHOOK_DELIVERY_QUEUE_URL"), clock),
                new JsonPayloads());
    }

    public DeliverWebhooks delivery() {
        String table = settings.required("TABLE_NAME");
        double scale = settings.optional("WEBHOOK_RETRY_SCALE").map(Double::parseDouble).orElse(1.0);
        return new DeliverWebhooks(new DynamoDbWebhookEndpoints(clients.dynamoDb(), table),
                new DynamoDbDeliveryLog(clients.dynamoDb(), table, clock),
                new AttemptDelivery(new DestinationPolicy(settings.flag(DestinationPolicy.LOOPBACK_SETTING), resolver), sender, clock),
                new RetrySchedule(scale, new SecureRandom()),
                new SqsRetries(clients.sqs(), settings.required("WEBHOOK_DELIVERY_QUEUE_URL"), clock),
                new SnsOperations(clients.sns(), settings.required("OPERATIONS_TOPIC_ARN")),
                clock);
    }
}
