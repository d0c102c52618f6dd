package io.trackline.bench.engine;

import io.trackline.aws.dynamo.AwsCallCounter;
import io.trackline.aws.dynamo.EngineCloud;
import io.trackline.aws.dynamo.TrackingEngine;
import io.trackline.aws.queue.ScanReportCodec;
import io.trackline.domain.shipment.Contact;
import io.trackline.domain.shipment.DeliveryAddress;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.processor.LambdaPoller;
import io.trackline.processor.ProcessorHandler;
import io.trackline.relay.StreamRelay;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bench command: 1,000 webhooks (100 packages, or the number given, × their journey, interleaved as they would arrive) through the ingest
 * queue and the processor on the emulator, then the relay on the table's stream; prints events/s, AWS calls per event
 * (both functions), reads per shipment per batch and the estimated DynamoDB write units per new scan. Run with {@code infra/bin/bench-engine}.
 */
public final class EngineThroughput {
    private static final int DEFAULT_PACKAGES = 100;

    private EngineThroughput() {
    }

    public static void main(String[] args) {
        int packages = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PACKAGES;
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // handler logs, one line per batch
        try (EngineCloud cloud = EngineCloud.start()) {
            EngineCloud.Stack stack = cloud.stack();
            Instant start = Instant.now().minus(Duration.ofDays(2));
            RegisterShipment register = TrackingEngine.from(stack.settings(), cloud.clients(stack, List.of()), Clock.systemUTC())
                    .registerShipment();
            for (int p = 0; p < packages; p++) {
                register.register(new RegisterShipment.Command("tenant-1", "order-" + p, "customer-" + p,
                        WebhookStream.CARRIER, WebhookStream.trackingNumber(p), "ground", LocalDate.now().plusDays(3),
                        new DeliveryAddress("Jane Doe", p + " Main St", null, "Springfield", "IL", "62701", "US"),
                        new Contact("jane@example.com", "+14155550123")));
            }
            List<String> bodies = new ArrayList<>();
            for (int w = 0; w < WebhookStream.WEBHOOKS_PER_PACKAGE; w++) {
                for (int p = 0; p < packages; p++) bodies.add(ScanReportCodec.encode(WebhookStream.report(p, w, start)));
            }
            for (int i = 0; i < bodies.size(); i += 10) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int j = i; j < Math.min(i + 10, bodies.size()); j++) {
                    String body = bodies.get(j);
                    entries.add(SendMessageBatchRequestEntry.builder().id("e" + j).messageBody(body).build());
                }
                cloud.sqs.sendMessageBatch(b -> b.queueUrl(stack.ingestQueueUrl()).entries(entries));
            }

            AwsCallCounter counter = new AwsCallCounter();
            WriteUnits writeUnits = new WriteUnits(cloud.dynamo, stack.table());
            ProcessorHandler handler = new ProcessorHandler(stack.settings(), cloud.clients(stack, List.of(counter, writeUnits)),
                    Clock.systemUTC());
            LambdaPoller poller = new LambdaPoller(cloud.sqs, stack.ingestQueueUrl(), handler);
            // The relay publishes from the table's stream what the processor's writes announced: its calls count too
            // (reading the stream is the event source's, not the function's).
            StreamRelay relay = new StreamRelay(cloud, stack, List.of(counter));
            long began = System.nanoTime();
            int processed = poller.drain();
            int relayInvocations = relay.drain();
            double seconds = (System.nanoTime() - began) / 1e9;

            var requests = counter.dynamoRequests();
            // Every package of the bench has one shipment: the GSI1 lookups count the shipment-batches.
            long packageLookups = requests.stream().filter(r -> r instanceof QueryRequest q && "GSI1".equals(q.indexName())).count();
            long itemReads = requests.stream().filter(r -> r instanceof GetItemRequest
                    || (r instanceof QueryRequest q && q.indexName() == null)).count()
                    + requests.stream().filter(r -> r instanceof BatchGetItemRequest).mapToLong(r -> ((BatchGetItemRequest) r)
                            .requestItems().values().stream().mapToLong(k -> k.keys().size()).sum()).sum();
            int newScans = packages * WebhookStream.SCANS_PER_PACKAGE;
            double units = writeUnits.total();
            out.printf("events processed: %d of %d in %d Lambda invocations, %.1f s: %.0f events/s%n", processed,
                    bodies.size(), poller.invocations, seconds, processed / seconds);
            out.printf("relay: %d invocations on the table's stream%n", relayInvocations);
            out.printf("AWS calls (processor and relay): %d, %.2f per event%n", counter.total(),
                    counter.total() / (double) processed);
            counter.calls().forEach((op, n) -> out.printf("  %-32s %6d  %.2f per event%n", op, n, n / (double) processed));
            out.printf("reads per shipment per batch: %.3f table reads, after one keys-only GSI1 lookup per package"
                    + " (%d lookups, %d table reads)%n", itemReads / (double) packageLookups, packageLookups, itemReads);
            out.printf("estimated write units: %.0f for %d new scans: %.2f per new scan%n", units, newScans, units / newScans);
            writeUnits.breakdown().forEach((kind, n) -> out.printf("  %-20s %8.0f  %.2f per new scan%n", kind, n, n / newScans));
            var sample = cloud.dynamo.query(b -> b.tableName(stack.table()).indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :pk").expressionAttributeValues(Map.of(":pk",
                            AttributeValue.fromS("TRACK#ups#" + WebhookStream.trackingNumber(0))))).items();
            for (var entry : sample) {
                var item = cloud.dynamo.getItem(b -> b.tableName(stack.table())
                        .key(Map.of("PK", entry.get("PK"), "SK", entry.get("SK")))).item();
                out.printf("  item %s: %d bytes%n", item.get("SK").s(), WriteUnits.size(item));
                item.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(a -> out.printf("    %-22s %4d bytes%n",
                        a.getKey(), WriteUnits.size(Map.of(a.getKey(), a.getValue()))));
            }
        }
    }
}
