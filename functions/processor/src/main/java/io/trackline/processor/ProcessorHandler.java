package io.trackline.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.lambda.JsonEventHandler;
import io.trackline.aws.log.Log;
import io.trackline.aws.metrics.Emf;
import io.trackline.aws.queue.ScanReportCodec;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.processor.application.FailedMessages;
import io.trackline.processor.application.TrackPackages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest queue → tracking records. Decodes each message, groups the batch by package, applies each package's scans
 * once, all packages at once ({@link TrackPackages}), and reports only the messages that failed
 * (ReportBatchItemFailures): an undecodable message fails alone and reaches the DLQ after maxReceiveCount, with its
 * reason in the log and in {@link FailedMessages} (see README).
 * Each batch writes one EMF line: messages, failed messages, shipments updated, packages nobody registered.
 */
public final class ProcessorHandler extends JsonEventHandler<SQSEvent, SQSBatchResponse> {
    private static final Log LOG = Log.of(ProcessorHandler.class);

    private final TrackPackages trackPackages;
    private final FailedMessages reasons;
    private final Emf metrics;

    public ProcessorHandler() {
        this(ProcessorWiring.fromEnvironment());
    }

    public ProcessorHandler(ProcessorWiring wiring) {
        super(SQSEvent.class);
        this.trackPackages = new TrackPackages(wiring.trackScans());
        this.reasons = wiring.failedMessages();
        this.metrics = wiring.metrics();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent input, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Map<String, List<SQSEvent.SQSMessage>> messagesByPackage = new LinkedHashMap<>();
        Map<String, List<ScanReport>> reportsByPackage = new LinkedHashMap<>();
        for (SQSEvent.SQSMessage message : input.getRecords()) {
            try {
                ScanReport report = ScanReportCodec.decode(message.getBody());
                String pkg = PackageScans.packageOf(report);
                messagesByPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(message);
                reportsByPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(report);
            } catch (RuntimeException undecodable) {
                fail(message, "poison message: " + undecodable.getMessage(), failures);
            }
        }
        TrackPackages.Tracked tracked = trackPackages.track(reportsByPackage);
        tracked.failed().forEach((pkg, e) -> {
            // Retried by SQS; batch-mates of other packages are unaffected.
            for (var message : messagesByPackage.get(pkg)) {
                fail(message, e.getClass().getSimpleName() + ": " + e.getMessage(), failures);
            }
        });
        LOG.info("batch processed", "messages", input.getRecords().size(), "packages", reportsByPackage.size(),
                "failed", failures.size());
        metrics.line().count("messages", input.getRecords().size()).count("failedMessages", failures.size())
                .count("shipmentsUpdated", tracked.shipmentsUpdated())
                .count("unregisteredPackages", tracked.unregisteredPackages()).emit();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private void fail(SQSEvent.SQSMessage message, String error, List<SQSBatchResponse.BatchItemFailure> failures) {
        // A parser's message can quote a bit of the body: mask it as the log does before it is stored.
        String reason = Log.mask(error);
        int receiveCount = receiveCount(message);
        LOG.error("message failed", "messageId", message.getMessageId(), "receiveCount", receiveCount, "reason", reason);
        try {
            reasons.record(message.getMessageId(), reason, receiveCount);
        } catch (RuntimeException unrecorded) {
            LOG.warn("failure reason not stored", "messageId", message.getMessageId(), "error", unrecorded.getMessage());
        }
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        var attributes = message.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        return count == null ? 1 : Integer.parseInt(count);
    }
}
