package io.trackline.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Json;
import io.trackline.aws.Settings;
import io.trackline.aws.sns.SnsAnnouncer;
import io.trackline.aws.queue.SqsDeliveryQueue;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.shipment.Announcement;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.webhooks.Attempt;
import io.trackline.domain.webhooks.EndpointStatus;
import io.trackline.domain.webhooks.EventType;
import io.trackline.domain.webhooks.WebhookEndpoint;
import io.trackline.domain.webhooks.WebhookIds;
import io.trackline.domain.webhooks.usecase.ReplayDeliveries;
import io.trackline.emulator.Emulator;
import io.trackline.engine.dynamodb.DynamoDbDeliveryLog;
import io.trackline.engine.dynamodb.DynamoDbShipments;
import io.trackline.engine.dynamodb.DynamoDbWebhookEndpoints;
import io.trackline.testkit.cloud.Stack;
import io.trackline.testkit.cloud.TemplateStack;
import io.trackline.testkit.engine.ShipmentChanges;
import io.trackline.testkit.sqs.LambdaPoller;
import io.trackline.testkit.webhooks.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks to API clients end to end on the emulator, with template.yaml's resources (ShipmentEventsTopic →
 * WebhookEventsQueue by its filter → fan-out → WebhookDeliveryQueue → delivery) and a real HTTP receiver: both
 * functions built from their settings as the local cloud builds them, polled as Lambda's event sources do; the events
 * are those of shipment changes committed to the table as the engine commits them ({@link ShipmentChanges}). Retries,
 * and the 72 hours after which an endpoint is disabled, are scaled by {@code WEBHOOK_RETRY_SCALE} (72 h → 13 s).
 */
class HooksIT {
    private static final double SCALE = 0.00005;
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    /**
     * Every clock of the test, the functions' included, reads T0 plus the time elapsed since the class loaded: retries
     * and the 72 scaled hours still pass in real seconds, and the day the suite runs reaches nothing.
     */
    private static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), T0));

    private static Emulator emulator;
    private static Stack stack;
    private static AwsClients clients;
    private static WebhookReceiver receiver;
    private static DynamoDbWebhookEndpoints endpoints;
    private static DynamoDbDeliveryLog log;
    private static LambdaPoller fanOut;
    private static LambdaPoller delivery;
    private static ShipmentChanges changes;

    @BeforeAll
    static void start() {
        emulator = Emulator.start();
        stack = TemplateStack.provision(emulator.endpoint(), TemplateStack.freshPrefix(), Optional.of(Duration.ofSeconds(30)));
        Map<String, String> values = new HashMap<>(Map.of(
                "AWS_ENDPOINT_URL", emulator.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "TABLE_NAME", stack.tables().get("TrackingTable"),
                "WEBHOOK_DELIVERY_QUEUE_URL", stack.queue("WebhookDeliveryQueue").url(),
                "OPERATIONS_TOPIC_ARN", stack.topics().get("OperationsTopic"),
                "WEBHOOK_ALLOW_LOOPBACK_HTTP", "true",
                "WEBHOOK_RETRY_SCALE", Double.toString(SCALE)));
        Settings settings = Settings.of(values);
        clients = new AwsClients(settings);
        receiver = new WebhookReceiver();
        endpoints = new DynamoDbWebhookEndpoints(clients.dynamoDb(), stack.tables().get("TrackingTable"));
        log = new DynamoDbDeliveryLog(clients.dynamoDb(), stack.tables().get("TrackingTable"), CLOCK);
        changes = new ShipmentChanges(new DynamoDbShipments(clients.dynamoDb(), stack.tables().get("TrackingTable"),
                TrackingPolicy.DEFAULT, CLOCK));
        HooksWiring wiring = HooksWiring.from(settings, clients, CLOCK);
        fanOut = new LambdaPoller(clients.sqs(), stack.queue("WebhookEventsQueue").url(), new FanOutHandler(wiring)::handleRequest);
        delivery = new LambdaPoller(clients.sqs(), stack.queue("WebhookDeliveryQueue").url(), new DeliveryHandler(wiring)::handleRequest);
    }

    @AfterAll
    static void stop() {
        receiver.close();
        emulator.close();
    }

    @Test
    void shouldDeliverEveryEventSignedAndExactlyOncePerWebhookId_whenTheReceiverFailsTheFirstAttemptsThenRecovers() {
        String tenant = tenant();
        WebhookEndpoint flaky = register(tenant, "/flaky", Set.of(), (id, nth) -> nth <= 2 ? 500 : 200);
        WebhookEndpoint steady = register(tenant, "/steady", Set.of(), (id, nth) -> 200);
        WebhookEndpoint delaysOnly = register(tenant, "/delays-only", Set.of(EventType.DELAYED), (id, nth) -> 200);
        WebhookEndpoint otherTenants = register(tenant(), "/other-tenant", Set.of(), (id, nth) -> 200);
        String shipmentA = changes.register(tenant, T0);
        String shipmentB = changes.register(tenant, T0);
        List<ShipmentEvent> events = List.of(change(shipmentA, Status.PICKED_UP, 1), change(shipmentA, Status.IN_TRANSIT, 2),
                change(shipmentB, Status.OUT_FOR_DELIVERY, 3), change(shipmentB, Status.EXCEPTION, 4));
        ShipmentEvent stalled = single(changes.sweep(changes.register(tenant, T0), T0.plus(Duration.ofHours(49))));

        events.forEach(HooksIT::publish);
        publish(stalled);
        pumpUntil(() -> succeeded("/flaky").size() == events.size() && succeeded("/steady").size() == events.size());

        for (WebhookEndpoint endpoint : List.of(flaky, steady)) {
            String path = URI.create(endpoint.url().toString()).getPath();
            List<WebhookReceiver.Received> ok = succeeded(path);
            assertThat(ok).extracting(WebhookReceiver.Received::webhookId).as("exactly once per webhook-id").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> WebhookIds.of(e.eventId(), endpoint.id())).toList());
            assertThat(receiver.at(path)).allSatisfy(r -> {
                assertThat(r.verifies(endpoint.secrets().active(Instant.now(CLOCK)))).as("Standard Webhooks signature").isTrue();
                assertThat(r.signature().split(" ")).hasSize(1);
                assertThat(r.contentType()).isEqualTo("application/json");
            });
        }
        assertThat(receiver.at("/flaky")).hasSize(3 * events.size());
        assertThat(receiver.at("/delays-only")).isEmpty();
        assertThat(receiver.at("/other-tenant")).isEmpty();
        assertThat(receiver.at("/steady")).noneMatch(r -> r.text().contains(stalled.eventId()));

        JsonNode exception = json(succeeded("/steady").stream().filter(r -> r.text().contains(events.get(3).eventId()))
                .findFirst().orElseThrow().text());
        assertThat(exception.path("type").asText()).isEqualTo("shipment.exception");
        assertThat(exception.path("id").asText()).isEqualTo(events.get(3).eventId());
        assertThat(exception.path("createdAt").asText()).isEqualTo(events.get(3).publishedAt().toString());
        assertThat(stalled.trigger()).isEqualTo(Trigger.STALLED);
        assertThat(exception.path("data").path("sequence").asLong()).isEqualTo(events.get(3).sequence()).isEqualTo(2);
        assertThat(exception.path("data").path("shipment").path("id").asText()).isEqualTo(shipmentB);
        assertThat(exception.path("data").path("shipment").path("status").asText()).isEqualTo("EXCEPTION");
        assertThat(exception.path("data").path("shipment").path("exceptionText").asText()).isNotBlank();
        assertThat(exception.path("data").path("shipment").path("events")).hasSize(1);
        assertThat(exception.path("data").path("shipment").path("events").get(0).path("status").asText()).isEqualTo("EXCEPTION");
        // fanned out after the exception was committed too: the state sent is the stored one, and its sequence says so
        JsonNode outForDelivery = json(succeeded("/steady").stream().filter(r -> r.text().contains(events.get(2).eventId()))
                .findFirst().orElseThrow().text());
        assertThat(outForDelivery.path("type").asText()).isEqualTo("shipment.status_changed");
        assertThat(outForDelivery.path("data").path("sequence").asLong()).isEqualTo(2);
        assertThat(outForDelivery.path("data").path("shipment").path("status").asText()).isEqualTo("EXCEPTION");

        List<Attempt> attempts = log.attempts(flaky.id(), 100, Optional.empty()).attempts().stream()
                .filter(a -> a.eventId().equals(events.get(0).eventId())).toList();
        assertThat(attempts).extracting(Attempt::attempt).containsExactly(3, 2, 1);
        assertThat(attempts).extracting(Attempt::statusCode).containsExactly(200, 500, 500);
        assertThat(attempts.get(0).nextAttemptAt()).isNull();
        assertThat(attempts.subList(1, 3)).allSatisfy(a -> assertThat(a.nextAttemptAt()).isAfter(a.at()));
        assertThat(attempts.get(0).responseExcerpt()).isEqualTo("{\"seen\":3}");
    }

    @Test
    void shouldSignWithBothSecrets_whenTheSecretWasRotatedWithinADay() {
        String tenant = tenant();
        WebhookEndpoint endpoint = register(tenant, "/rotating", Set.of(), (id, nth) -> 200);
        String before = endpoint.secrets().current();
        WebhookEndpoint rotated = endpoints.save(endpoint.rotated(Instant.now(CLOCK)));

        publish(change(changes.register(tenant, T0), Status.DELIVERED, 1));
        pumpUntil(() -> succeeded("/rotating").size() == 1);

        WebhookReceiver.Received received = succeeded("/rotating").getFirst();
        assertThat(received.signature().split(" ")).hasSize(2);
        assertThat(received.verifies(List.of(before))).as("old secret").isTrue();
        assertThat(received.verifies(List.of(rotated.secrets().current()))).as("new secret").isTrue();
        assertThat(received.verifies(List.of("whsec_" + "b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldC0wMDAwMDA="))).isFalse();
    }

    @Test
    void shouldDisableTheEndpointTellOperatorsAndLoseNothing_whenDeliveriesFailFor72ScaledHours() {
        String tenant = tenant();
        WebhookEndpoint endpoint = register(tenant, "/down", Set.of(), (id, nth) -> 503);
        String operations = subscribeToOperations();
        List<ShipmentEvent> events = IntStream.range(0, 3)
                .mapToObj(i -> change(changes.register(tenant, T0), Status.IN_TRANSIT, 1)).toList();

        events.forEach(HooksIT::publish);
        // until every delivery is done with (given up, or dropped once the endpoint was disabled), not only the first:
        // one still on its schedule would be attempted, and succeed, after the endpoint is enabled again below
        pumpUntil(() -> endpoints.find(tenant, endpoint.id()).orElseThrow().status() == EndpointStatus.DISABLED
                && queued("WebhookDeliveryQueue") == 0);

        WebhookEndpoint disabled = endpoints.find(tenant, endpoint.id()).orElseThrow();
        assertThat(disabled.disabledReason()).startsWith("deliveries failed for");
        assertThat(receiver.at("/down")).isNotEmpty().noneMatch(WebhookReceiver.Received::succeeded);
        assertThat(clients.sqs().receiveMessage(b -> b.queueUrl(operations).waitTimeSeconds(5)).messages())
                .anySatisfy(m -> assertThat(m.body()).contains(endpoint.id()).contains("disabled"));

        receiver.script("/down", (id, nth) -> 200);
        WebhookEndpoint enabled = endpoints.save(disabled.withStatus(EndpointStatus.ENABLED, Instant.now(CLOCK)));
        pumpUntil(() -> true); // deliveries still queued for the disabled endpoint are dropped (they stay in the log)
        int replayed = new ReplayDeliveries(log, new SqsDeliveryQueue(clients.sqs(), stack.queue("WebhookDeliveryQueue").url(),
                CLOCK)).window(enabled, T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)));
        pumpUntil(() -> succeeded("/down").size() == events.size());

        assertThat(replayed).isEqualTo(events.size());
        assertThat(succeeded("/down")).extracting(WebhookReceiver.Received::webhookId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> WebhookIds.of(e.eventId(), endpoint.id())).toList());
    }

    @Test
    void shouldRefuseToSendAndLogWhy_whenTheEndpointsAddressIsNotPublicAtSendTime() {
        String tenant = tenant();
        WebhookEndpoint metadata = WebhookEndpoint.create(tenant, URI.create("http://169.254.169.254/latest/meta-data/"),
                Set.of(), null, Instant.now(CLOCK));
        endpoints.create(metadata, 20);

        publish(change(changes.register(tenant, T0), Status.DELIVERED, 1));
        pumpUntil(() -> !log.attempts(metadata.id(), 10, Optional.empty()).attempts().isEmpty());

        Attempt refused = log.attempts(metadata.id(), 10, Optional.empty()).attempts().getFirst();
        assertThat(refused.statusCode()).isNull();
        assertThat(refused.error()).startsWith("refused:").contains("link-local");
    }

    private static String tenant() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static WebhookEndpoint register(String tenant, String path, Set<EventType> events,
                                            java.util.function.BiFunction<String, Integer, Integer> script) {
        WebhookEndpoint endpoint = WebhookEndpoint.create(tenant, URI.create(receiver.endpoint(path, script)), events, null, Instant.now(CLOCK));
        endpoints.create(endpoint, 20);
        return endpoint;
    }

    private static List<WebhookReceiver.Received> succeeded(String path) {
        return receiver.at(path).stream().filter(WebhookReceiver.Received::succeeded).toList();
    }

    /** A scan of {@code status} {@code minutes} after T0, committed: its status change. */
    private static ShipmentEvent change(String shipmentId, Status status, int minutes) {
        return single(changes.scan(shipmentId, status, status == Status.EXCEPTION ? ExceptionReason.ADDRESS_ISSUE : null,
                T0.plus(Duration.ofMinutes(minutes))));
    }

    private static ShipmentEvent single(List<ShipmentEvent> events) {
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    /** As the relay publishes a committed event. */
    private static void publish(ShipmentEvent event) {
        new SnsAnnouncer(clients.sns(), stack.topics().get("ShipmentEventsTopic"), null).announce(Announcement.of(event));
    }

    /** Messages on the queue, visible or not (a deferred retry is not visible). */
    private static int queued(String queue) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(stack.queue(queue).url()).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    private static String subscribeToOperations() {
        String url = clients.sqs().createQueue(b -> b.queueName("ops-" + UUID.randomUUID().toString().substring(0, 8))).queueUrl();
        String arn = clients.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        clients.sns().subscribe(b -> b.topicArn(stack.topics().get("OperationsTopic")).protocol("sqs").endpoint(arn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        return url;
    }

    /** Runs both event sources until the condition holds (at most 60 s), then once more. */
    private static void pumpUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            fanOut.drain();
            delivery.drain();
            if (done.getAsBoolean()) return;
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not reached within 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
