package io.trackline.bench.hooks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.sns.SnsAnnouncer;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.shipment.Announcement;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.webhooks.WebhookEndpoint;
import io.trackline.domain.webhooks.WebhookIds;
import io.trackline.emulator.Emulator;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.engine.dynamodb.DynamoDbShipments;
import io.trackline.engine.dynamodb.DynamoDbWebhookEndpoints;
import io.trackline.hooks.DeliveryHandler;
import io.trackline.hooks.FanOutHandler;
import io.trackline.hooks.HooksWiring;
import io.trackline.testkit.cloud.Stack;
import io.trackline.testkit.cloud.TemplateStack;
import io.trackline.testkit.engine.AwsCallCounter;
import io.trackline.testkit.engine.ShipmentChanges;
import io.trackline.testkit.sqs.LambdaPoller;
import io.trackline.testkit.webhooks.WebhookReceiver;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Bench command for webhooks to API clients, on the emulator with template.yaml's resources and a real receiver on
 * 127.0.0.1 ({@code infra/bin/bench-webhooks [changes]}):
 * <ol>
 *   <li>latency: 50 status changes published one at a time while both functions poll as the local cloud does;
 *       p50/p99 from the publish to the first delivery attempt's arrival;</li>
 *   <li>load: 1,000 (or the number given) status changes at once to 2 endpoints, one failing half its attempts (each first one):
 *       every {@code webhook-id} must succeed exactly once per endpoint; deliveries per second of the delivery
 *       function's own time; AWS calls per delivered webhook, and their list-price cost.</li>
 * </ol>
 * Each change is committed to the table as the engine commits it before it is published, as the relay would publish it
 * (the fan-out reads the shipment to render it). The anchor beside them, measured in the same run: one DynamoDB GetItem
 * on the emulator and one POST to the receiver.
 */
public final class WebhookDeliveryThroughput {
    private static final int LATENCY_CHANGES = 50;
    /** The load's changes are spread over this many shipments, a tenth of them each at the default 1,000. */
    private static final int SHIPMENTS = 100;
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    /** US East list prices: SQS standard per request, DynamoDB on-demand per write / read request unit, Lambda per request. */
    private static final double SQS = 0.40e-6, DYNAMO_WRITE = 0.625e-6, DYNAMO_READ = 0.125e-6, LAMBDA = 0.20e-6;

    private WebhookDeliveryThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the functions' log lines
        try (Emulator emulator = Emulator.start(); WebhookReceiver receiver = new WebhookReceiver()) {
            Stack stack = TemplateStack.provision(emulator.endpoint(), TemplateStack.freshPrefix(), Optional.of(Duration.ofSeconds(30)));
            Settings settings = Settings.of(new HashMap<>(Map.of(
                    "AWS_ENDPOINT_URL", emulator.endpoint().toString(), "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                    "TABLE_NAME", stack.tables().get("TrackingTable"),
                    "WEBHOOK_DELIVERY_QUEUE_URL", stack.queue("WebhookDeliveryQueue").url(),
                    "OPERATIONS_TOPIC_ARN", stack.topics().get("OperationsTopic"),
                    "WEBHOOK_ALLOW_LOOPBACK_HTTP", "true",
                    // retries 100 times faster (the first ones within a second); 72 h become 43 min, longer than the run,
                    // so no delivery of the half-failing endpoint is given up while 1,000 changes wait their turn
                    "WEBHOOK_RETRY_SCALE", "0.01")));
            AwsClients plain = new AwsClients(settings);
            AwsCallCounter counter = new AwsCallCounter();
            HooksWiring wiring = HooksWiring.from(settings, new AwsClients(settings, List.of(counter)));
            Timed fanOutHandler = new Timed(new FanOutHandler(wiring)::handleRequest);
            Timed deliveryHandler = new Timed(new DeliveryHandler(wiring)::handleRequest);
            LambdaPoller fanOut = new LambdaPoller(plain.sqs(), stack.queue("WebhookEventsQueue").url(), fanOutHandler);
            LambdaPoller delivery = new LambdaPoller(plain.sqs(), stack.queue("WebhookDeliveryQueue").url(), deliveryHandler);
            var endpoints = new DynamoDbWebhookEndpoints(plain.dynamoDb(), stack.tables().get("TrackingTable"));
            var committed = new ShipmentChanges(new DynamoDbShipments(plain.dynamoDb(), stack.tables().get("TrackingTable"),
                    TrackingPolicy.DEFAULT, Clock.systemUTC()));
            Bench bench = new Bench(plain, stack, receiver, endpoints, committed);

            out.printf("anchor: %.2f ms per DynamoDB GetItem on the emulator, %.2f ms per POST to the receiver%n",
                    bench.getItemMillis(), bench.postMillis());
            bench.latency(fanOut, delivery, out);
            bench.load(changes, fanOut, delivery, fanOutHandler, deliveryHandler, counter, out);
        }
    }

    /** A handler whose time is summed: the function's own time, without the event source's receive and delete. */
    private static final class Timed implements RequestHandler<SQSEvent, SQSBatchResponse> {
        private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
        long nanos;
        long messages;

        Timed(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
            this.handler = handler;
        }

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, com.amazonaws.services.lambda.runtime.Context context) {
            long start = System.nanoTime();
            try {
                return handler.handleRequest(event, context);
            } finally {
                nanos += System.nanoTime() - start;
                messages += event.getRecords().size();
            }
        }
    }

    private record Bench(AwsClients aws, Stack stack, WebhookReceiver receiver, DynamoDbWebhookEndpoints endpoints,
                         ShipmentChanges changes) {
        double getItemMillis() {
            var key = io.trackline.engine.dynamodb.TrackingTable.webhookEndpointKey("anchor", "none");
            for (int i = 0; i < 50; i++) aws.dynamoDb().getItem(b -> b.tableName(stack.tables().get("TrackingTable")).key(key));
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) aws.dynamoDb().getItem(b -> b.tableName(stack.tables().get("TrackingTable")).key(key));
            return (System.nanoTime() - start) / 1e6 / 200;
        }

        double postMillis() throws Exception {
            var client = java.net.http.HttpClient.newHttpClient();
            var request = java.net.http.HttpRequest.newBuilder(URI.create(receiver.endpoint("/anchor", (id, n) -> 200)))
                    .header("webhook-id", "msg_anchor").header("webhook-timestamp", "0").header("webhook-signature", "v1,")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
            for (int i = 0; i < 50; i++) client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
            return (System.nanoTime() - start) / 1e6 / 200;
        }

        void latency(LambdaPoller fanOut, LambdaPoller delivery, PrintStream out) throws InterruptedException {
            String tenant = "tenant-latency";
            WebhookEndpoint endpoint = register(tenant, "/latency", (id, n) -> 200);
            Map<String, Long> published = new ConcurrentHashMap<>();
            var running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread pollers = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    fanOut.drain();
                    delivery.drain();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            for (int i = 0; i < LATENCY_CHANGES; i++) {
                ShipmentEvent event = change(changes.register(tenant, T0), 1);
                published.put(WebhookIds.of(event.eventId(), endpoint.id()), System.nanoTime());
                publish(event);
                Thread.sleep(100);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (receiver.at("/latency").size() < LATENCY_CHANGES && System.nanoTime() < deadline) Thread.sleep(50);
            running.set(false);
            pollers.join();
            double[] millis = receiver.at("/latency").stream()
                    .mapToDouble(r -> (r.arrivedNanos() - published.get(r.webhookId())) / 1e6).sorted().toArray();
            out.printf("latency, status change published → first delivery attempt (%d changes, one at a time, pollers"
                    + " as the local cloud's): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", millis.length,
                    percentile(millis, 50), percentile(millis, 99), millis[millis.length - 1]);
        }

        void load(int changes, LambdaPoller fanOut, LambdaPoller delivery, Timed fanOutHandler, Timed deliveryHandler,
                  AwsCallCounter counter, PrintStream out) throws InterruptedException {
            String tenant = "tenant-load";
            WebhookEndpoint steady = register(tenant, "/load-steady", (id, n) -> 200);
            // fails every delivery's first attempt, so half its attempts (a random half would leave a tail of deliveries
            // on their 7th or 8th retry, minutes away even scaled, and measure the backoff rather than the functions)
            WebhookEndpoint flaky = register(tenant, "/load-flaky", (id, n) -> n == 1 ? 503 : 200);
            // registered one by one, the changes committed (each shipment's in order, the shipments side by side), then
            // published at once
            List<String> shipments = IntStream.range(0, SHIPMENTS).mapToObj(n -> this.changes.register(tenant, T0)).toList();
            List<ShipmentEvent> events = IntStream.range(0, SHIPMENTS).parallel().mapToObj(n ->
                    IntStream.range(0, changes / SHIPMENTS + (n < changes % SHIPMENTS ? 1 : 0))
                            .mapToObj(i -> change(shipments.get(n), i + 1)).toList()).flatMap(List::stream).toList();
            events.parallelStream().forEach(this::publish);
            Map<String, Long> before = counter.calls();
            long fanOutCalls0 = fanOutHandler.messages, deliveryNanos0 = deliveryHandler.nanos, deliveryMessages0 = deliveryHandler.messages;
            long start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(20).toNanos();
            while (succeeded("/load-steady") < changes || succeeded("/load-flaky") < changes) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("not all delivered within 20 minutes");
                fanOut.drain();
                delivery.drain();
                Thread.sleep(50);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            for (WebhookEndpoint endpoint : List.of(steady, flaky)) {
                String path = endpoint.url().getPath();
                var ok = receiver.at(path).stream().filter(WebhookReceiver.Received::succeeded)
                        .collect(Collectors.groupingBy(WebhookReceiver.Received::webhookId, Collectors.counting()));
                Set<String> expected = events.stream().map(e -> WebhookIds.of(e.eventId(), endpoint.id())).collect(Collectors.toSet());
                long lost = expected.stream().filter(id -> !ok.containsKey(id)).count();
                long duplicated = ok.values().stream().filter(n -> n > 1).count();
                out.printf("load %s: %d changes, %d attempts, %d delivered, %d lost, %d webhook-ids delivered more than once%n",
                        path, changes, receiver.at(path).size(), ok.size(), lost, duplicated);
                if (lost > 0 || duplicated > 0) throw new IllegalStateException("lost or duplicated deliveries at " + path);
            }
            long attempts = deliveryHandler.messages - deliveryMessages0;
            double deliverySeconds = (deliveryHandler.nanos - deliveryNanos0) / 1e9;
            int delivered = 2 * changes;
            out.printf("throughput: %d attempts in %.1f s of the delivery function's own time: %.0f attempts/s on one"
                    + " instance (wall %.1f s with the pollers; fan-out handled %d events)%n", attempts, deliverySeconds,
                    attempts / deliverySeconds, wall, fanOutHandler.messages - fanOutCalls0);
            Map<String, Long> calls = new java.util.TreeMap<>();
            counter.calls().forEach((op, n) -> calls.put(op, n - before.getOrDefault(op, 0L)));
            long total = calls.values().stream().mapToLong(Long::longValue).sum();
            out.printf("AWS calls by the two functions: %d, %.2f per delivered webhook%n", total, total / (double) delivered);
            double cost = 0;
            for (var call : calls.entrySet()) {
                String op = call.getKey();
                double each = op.startsWith("Sqs:") ? SQS
                        : op.equals("DynamoDb:PutItem") || op.equals("DynamoDb:UpdateItem") ? DYNAMO_WRITE
                        : op.startsWith("DynamoDb:") ? DYNAMO_READ : 0;
                cost += call.getValue() * each;
                out.printf("    %-36s %7d  %.2f per delivered webhook%n", op, call.getValue(), call.getValue() / (double) delivered);
            }
            // Lambda's event sources: one ReceiveMessage and one DeleteMessageBatch per batch, one invocation per batch.
            long batches = fanOut.invocations + delivery.invocations;
            cost += batches * (2 * SQS + LAMBDA);
            cost += changes * 0.50e-6; // the SNS publish of each change to the topic is the relay's, shared by every subscriber: counted whole here
            out.printf("event sources: %d batches (2 SQS calls and 1 Lambda request each)%n", batches);
            out.printf("cost per delivered webhook (requests at list price, 1 KB items; Lambda duration not included): $%.8f,"
                    + " $%.2f per million%n", cost / delivered, cost / delivered * 1e6);
        }

        private long succeeded(String path) {
            return receiver.at(path).stream().filter(WebhookReceiver.Received::succeeded)
                    .map(WebhookReceiver.Received::webhookId).distinct().count();
        }

        private WebhookEndpoint register(String tenant, String path, java.util.function.BiFunction<String, Integer, Integer> script) {
            WebhookEndpoint endpoint = WebhookEndpoint.create(tenant, URI.create(receiver.endpoint(path, script)), Set.of(), null,
                    Instant.now());
            endpoints.create(endpoint, 20);
            return endpoint;
        }

        /** As the relay publishes a committed event. */
        private void publish(ShipmentEvent event) {
            new SnsAnnouncer(aws.sns(), stack.topics().get("ShipmentEventsTopic"), null).announce(Announcement.of(event));
        }

        /** The n-th status change of a shipment (in transit, out for delivery, in transit, ...), committed. */
        private ShipmentEvent change(String shipmentId, int n) {
            Status status = n % 2 == 1 ? Status.IN_TRANSIT : Status.OUT_FOR_DELIVERY;
            List<ShipmentEvent> committed = changes.scan(shipmentId, status, null, T0.plus(Duration.ofMinutes(n)));
            if (committed.size() != 1) throw new IllegalStateException("expected one status change, got " + committed);
            return committed.getFirst();
        }

        private static double percentile(double[] sorted, int p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }
}
