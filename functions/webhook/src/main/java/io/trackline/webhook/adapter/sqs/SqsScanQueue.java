package io.trackline.webhook.adapter.sqs;

import io.trackline.aws.queue.ScanReportCodec;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.webhook.application.DependencyUnavailable;
import io.trackline.webhook.application.ScanQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest queue: one message per report, sent with {@code SendMessageBatch} (at most 10 entries and
 * {@value #MAX_BATCH_BYTES} bytes a call). A report whose message would exceed {@value #MAX_MESSAGE_BYTES} bytes is
 * split into several reports of the same package. Failed entries are retried once; then the whole webhook fails
 * (the sender retries it, and the processor drops the scans it already has). Body and attributes are
 * {@link ScanReportCodec}'s, which holds only characters SQS accepts: no text can make a send fail.
 */
public final class SqsScanQueue implements ScanQueue {
    static final int MAX_MESSAGE_BYTES = 200 * 1024;
    static final int MAX_BATCH_BYTES = 256 * 1024;
    private static final int MAX_BATCH_ENTRIES = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsScanQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(List<ScanReport> reports) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (ScanReport report : reports) {
            for (Message message : fitting(report)) entries.add(entry(entries.size(), message));
        }
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        int batchBytes = 0;
        for (SendMessageBatchRequestEntry entry : entries) {
            int bytes = entry.messageBody().getBytes(StandardCharsets.UTF_8).length;
            if (batch.size() == MAX_BATCH_ENTRIES || batchBytes + bytes > MAX_BATCH_BYTES) {
                sendWithOneRetry(batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(entry);
            batchBytes += bytes;
        }
        if (!batch.isEmpty()) sendWithOneRetry(batch);
    }

    private void sendWithOneRetry(List<SendMessageBatchRequestEntry> batch) {
        List<SendMessageBatchRequestEntry> failed = send(batch);
        if (!failed.isEmpty()) failed = send(failed);
        if (!failed.isEmpty()) {
            throw new DependencyUnavailable(failed.size() + " scan report(s) could not be queued after a retry", null);
        }
    }

    /** The entries SQS did not take; all of them when the call itself failed. */
    private List<SendMessageBatchRequestEntry> send(List<SendMessageBatchRequestEntry> batch) {
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(batch));
        } catch (SdkException e) {
            return batch;
        }
        if (!response.hasFailed() || response.failed().isEmpty()) return List.of();
        Map<String, SendMessageBatchRequestEntry> byId = new HashMap<>();
        batch.forEach(entry -> byId.put(entry.id(), entry));
        List<SendMessageBatchRequestEntry> failed = new ArrayList<>();
        for (BatchResultErrorEntry error : response.failed()) failed.add(byId.get(error.id()));
        return failed;
    }

    private record Message(ScanReport report, String body) {
    }

    /** The report as one message, or halved (recursively) until each half fits. */
    private static List<Message> fitting(ScanReport report) {
        String body = ScanReportCodec.encode(report);
        if (body.getBytes(StandardCharsets.UTF_8).length <= MAX_MESSAGE_BYTES || report.scans().size() < 2) {
            return List.of(new Message(report, body));
        }
        int half = report.scans().size() / 2;
        List<Message> messages = new ArrayList<>(fitting(withScans(report, 0, half)));
        messages.addAll(fitting(withScans(report, half, report.scans().size())));
        return messages;
    }

    private static ScanReport withScans(ScanReport report, int from, int to) {
        return new ScanReport(report.source(), report.deliveryId(), report.receivedAt(), report.carrier(),
                report.trackingNumber(), report.scans().subList(from, to), report.estimate());
    }

    private static SendMessageBatchRequestEntry entry(int index, Message message) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        ScanReportCodec.attributes(message.report()).forEach((name, value) -> attributes.put(name, text(value)));
        return SendMessageBatchRequestEntry.builder()
                .id("m" + index)
                .messageBody(message.body())
                .messageAttributes(attributes)
                .build();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
