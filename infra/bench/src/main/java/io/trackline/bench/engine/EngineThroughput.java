package io.trackline.bench.engine;

import io.trackline.testkit.engine.AwsCallCounter;
import io.trackline.testkit.engine.EngineCloud;
import io.trackline.engine.TrackingEngine;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.aws.AwsClients;
import io.trackline.aws.queue.ScanReportCodec;
import io.trackline.emulator.StreamEventSource;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.testkit.sqs.LambdaPoller;
import io.trackline.processor.ProcessorHandler;
import io.trackline.processor.ProcessorWiring;
import io.trackline.relay.RelayHandler;
import io.trackline.relay.RelayWiring;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bench command: the webhooks of two workloads through the ingest queue and the processor on the emulator, each on its
 * own table: (a) one new scan per webhook (100 packages, or the number given, × a 9-scan journey and one re-send:
 * 1,000 webhooks), (b) an aggregator's webhooks that bring several new checkpoints at once (a typical shipment, 12
 * checkpoints in 5 webhooks). Prints events/s, AWS calls per event, reads per shipment per batch, the estimated
 * DynamoDB write units per new scan with their breakdown by item kind and index, and the shipment item at the end of
 * its journey. Run with {@code infra/bin/bench-engine}.
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
            for (Workload workload : List.of(WebhookStream.workload(packages), AggregatorStream.workload(packages))) {
                run(cloud, workload, out);
            }
        }
    }

    private static void run(EngineCloud cloud, Workload workload, PrintStream out) {
        EngineCloud.Stack stack = cloud.stack();
        RegisterShipment register = TrackingEngine.from(stack.settings(), cloud.clients(stack, List.of()),
                workload.registrationClock()).registerShipment();
        workload.registrations().forEach(register::register);
        List<String> bodies = workload.webhooks().stream().map(ScanReportCodec::encode).toList();
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = i; j < Math.min(i + 10, bodies.size()); j++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("e" + j).messageBody(bodies.get(j)).build());
            }
            cloud.sqs.sendMessageBatch(b -> b.queueUrl(stack.ingestQueueUrl()).entries(entries));
        }

        AwsCallCounter counter = new AwsCallCounter();
        WriteUnits writeUnits = new WriteUnits(cloud.dynamo, stack.table());
        ProcessorHandler handler = new ProcessorHandler(ProcessorWiring.from(stack.settings(),
                cloud.clients(stack, List.of(counter, writeUnits)), Clock.systemUTC()));
        LambdaPoller poller = new LambdaPoller(cloud.sqs, stack.ingestQueueUrl(), handler::handleRequest);
        // The relay publishes from the table's stream what the processor's writes announced: its calls count too
        // (reading the stream is the event source's, not the function's).
        StreamEventSource stream = StreamEventSource.of(cloud.dynamo, cloud.clients.dynamoDbStreams(), stack.table());
        RelayHandler relay = new RelayHandler(RelayWiring.from(stack.settings(), new AwsClients(stack.settings(), List.of(counter))));
        long began = System.nanoTime();
        int processed = poller.drain();
        int relayInvocations = stream.drain(event -> relay.handleRequest(event, null));
        double seconds = (System.nanoTime() - began) / 1e9;

        var requests = counter.dynamoRequests();
        // Every package of the bench has one shipment: the GSI1 lookups count the shipment-batches.
        long packageLookups = requests.stream().filter(r -> r instanceof QueryRequest q && TrackingTable.GSI1.equals(q.indexName())).count();
        long itemReads = requests.stream().filter(r -> r instanceof GetItemRequest
                || (r instanceof QueryRequest q && q.indexName() == null)).count()
                + requests.stream().filter(r -> r instanceof BatchGetItemRequest).mapToLong(r -> ((BatchGetItemRequest) r)
                        .requestItems().values().stream().mapToLong(k -> k.keys().size()).sum()).sum();
        int newScans = workload.newScans();
        double units = writeUnits.total();
        out.printf("%s%n", workload.title());
        out.printf("  events processed: %d of %d in %d Lambda invocations, %.1f s: %.0f events/s%n", processed,
                bodies.size(), poller.invocations, seconds, processed / seconds);
        out.printf("  relay: %d invocations on the table's stream%n", relayInvocations);
        out.printf("  AWS calls (processor and relay): %d, %.2f per event%n", counter.total(), counter.total() / (double) processed);
        counter.calls().forEach((op, n) -> out.printf("    %-32s %6d  %.2f per event%n", op, n, n / (double) processed));
        out.printf("  reads per shipment per batch: %.3f table reads, after one keys-only GSI1 lookup per package"
                + " (%d lookups, %d table reads)%n", itemReads / (double) packageLookups, packageLookups, itemReads);
        out.printf("  estimated write units: %.0f for %d new scans: %.2f per new scan%n", units, newScans, units / newScans);
        writeUnits.breakdown().forEach((kind, n) -> out.printf("    %-20s %8.0f  %.2f per new scan%n", kind, n, n / newScans));
        var entries = cloud.dynamo.query(b -> b.tableName(stack.table()).indexName(TrackingTable.GSI1)
                .keyConditionExpression("GSI1PK = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS(TrackingTable.trackPk(workload.sample().carrier(), workload.sample().trackingNumber())))))
                .items();
        for (var entry : entries) {
            var item = cloud.dynamo.getItem(b -> b.tableName(stack.table())
                    .key(Map.of(TrackingTable.PK, entry.get(TrackingTable.PK), TrackingTable.SK, entry.get(TrackingTable.SK)))).item();
            out.printf("  shipment item at the end of the journey: %d bytes%n", WriteUnits.size(item));
            item.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(a -> out.printf("    %-22s %4d bytes%n",
                    a.getKey(), WriteUnits.size(Map.of(a.getKey(), a.getValue()))));
        }
    }
}
