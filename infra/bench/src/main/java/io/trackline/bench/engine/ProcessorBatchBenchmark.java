package io.trackline.bench.engine;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.engine.TrackingEngine;
import io.trackline.aws.metrics.Emf;
import io.trackline.aws.queue.ScanReportCodec;
import io.trackline.domain.shipment.Contact;
import io.trackline.domain.shipment.DeliveryAddress;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.shipment.usecase.TrackScans;
import io.trackline.processor.ProcessorHandler;
import io.trackline.processor.ProcessorWiring;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The processor's own CPU for one SQS batch of 10 webhooks (10 packages, each report carrying its history so far: one
 * new scan and the ones already applied), with the repository port in memory ({@link BatchShipments}): decode, group,
 * apply, and the state with its outbox handed to the store; publishing is the relay's work, not measured here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProcessorBatchBenchmark {
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    /** The out-for-delivery webhook: one new scan, seven already applied, one status change to publish. */
    private static final int WEBHOOK = 7;

    private ProcessorHandler handler;
    private SQSEvent batch;

    @Setup(Level.Trial)
    public void quietLogs() {
        // The handler logs one JSON line per batch: still formatted (that CPU counts), not printed into JMH's output.
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    }

    @Setup(Level.Invocation)
    public void freshShipments() {
        Clock clock = Clock.fixed(START.plusSeconds(86_400), ZoneOffset.UTC);
        var shipments = new BatchShipments();
        var register = new RegisterShipment(shipments, TrackingPolicy.DEFAULT, clock, RegisterShipment::newShipmentId);
        TrackScans trackScans = new TrackScans(shipments, TrackingPolicy.DEFAULT, clock);
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            register.register(new RegisterShipment.Command("tenant-1", "order-" + p, "customer-" + p, WebhookStream.CARRIER,
                    WebhookStream.trackingNumber(p), "ground", LocalDate.parse("2026-03-06"),
                    new DeliveryAddress("Jane Doe", "1 Main St", null, "Springfield", "IL", "62701", "US"),
                    new Contact(null, "+14155550123")));
            trackScans.track(PackageScans.of(List.of(WebhookStream.report(p, WEBHOOK - 1, START))));
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + p);
            message.setBody(ScanReportCodec.encode(WebhookStream.report(p, WEBHOOK, START)));
            messages.add(message);
        }
        batch = new SQSEvent();
        batch.setRecords(messages);
        handler = new ProcessorHandler(new ProcessorWiring(trackScans, (id, reason, count) -> { },
                new Emf(TrackingEngine.METRICS_NAMESPACE, new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC())));
    }

    @Benchmark
    public SQSBatchResponse batchOfTen() {
        return handler.handleRequest(batch, null);
    }
}
