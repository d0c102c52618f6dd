package io.trackline.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.log.Log;
import io.trackline.testkit.cloud.Stack;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An SQS event source mapping as Lambda runs it: long-polls the queue for up to {@code batchSize} messages, hands them
 * to the function as one {@link SQSEvent}, then deletes what succeeded. Without {@code ReportBatchItemFailures} a
 * returned batch succeeded as a whole; with it, only the messages not listed in {@code batchItemFailures} did (a listed
 * id that is blank or not in the batch fails the whole batch, as in Lambda). When the handler throws nothing is
 * deleted. Undeleted messages come back after the queue's visibility timeout, and moto moves a message to the
 * dead-letter queue once it has been received {@code maxReceiveCount} times.
 */
public final class SqsPoller implements AutoCloseable {
    private static final Log LOG = Log.of(SqsPoller.class);
    /** SQS returns at most 10 messages per receive; larger batch sizes need Lambda's batching window, not emulated. */
    private static final int MAX_RECEIVE = 10;

    private final LocalFunction function;
    private final SqsClient sqs;
    private final Stack.Queue queue;
    private final int batchSize;
    private final boolean reportBatchItemFailures;
    private final String region;
    private final Duration wait;
    private final PollingLoop loop;

    public SqsPoller(LocalFunction function, SqsClient sqs, Stack.Queue queue, int batchSize,
                     boolean reportBatchItemFailures, String region, Duration wait) {
        this.function = function;
        this.sqs = sqs;
        this.queue = queue;
        this.batchSize = Math.min(batchSize, MAX_RECEIVE);
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.region = region;
        this.wait = wait;
        this.loop = new PollingLoop("sqs-" + queue.name() + "-" + function.name(), this::pollOnce, Duration.ZERO, wait);
    }

    public SqsPoller start() {
        loop.start();
        return this;
    }

    /** One receive, one invocation, the deletes; true if there were messages. */
    private boolean pollOnce() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue.url())
                .maxNumberOfMessages(batchSize)
                .waitTimeSeconds((int) wait.toSeconds())
                .messageSystemAttributeNamesWithStrings("All")
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty() || !loop.running()) return false;
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(this::record).toList());
        Object result;
        try {
            result = function.invoke(event);
        } catch (LocalFunction.FunctionFailed e) {
            LOG.error("function failed, the batch will be retried", "function", function.name(), "queue", queue.name(),
                    "messages", messages.size(), "error", e.getMessage());
            return true;
        }
        Set<String> failed = failedIds(result, messages);
        List<DeleteMessageBatchRequestEntry> deletes = messages.stream()
                .filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList();
        if (!deletes.isEmpty()) sqs.deleteMessageBatch(r -> r.queueUrl(queue.url()).entries(deletes));
        if (!failed.isEmpty()) {
            LOG.warn("messages failed, they will be retried", "function", function.name(), "queue", queue.name(),
                    "failed", failed.size(), "messages", messages.size());
        }
        return true;
    }

    private Set<String> failedIds(Object result, List<Message> messages) {
        if (!reportBatchItemFailures || result == null) return Set.of();
        SQSBatchResponse response = result instanceof SQSBatchResponse r ? r : RuntimeJson.mapper().convertValue(result, SQSBatchResponse.class);
        if (response.getBatchItemFailures() == null) return Set.of();
        Set<String> inBatch = messages.stream().map(Message::messageId).collect(Collectors.toSet());
        Set<String> failed = new HashSet<>();
        for (var failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || id.isBlank() || !inBatch.contains(id)) return inBatch;
            failed.add(id);
        }
        return failed;
    }

    private SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
        record.setMessageAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queue.arn());
        record.setAwsRegion(region);
        return record;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) attribute.setBinaryValue(value.binaryValue().asByteBuffer());
        attribute.setStringListValues(value.hasStringListValues() ? value.stringListValues() : List.of());
        attribute.setBinaryListValues(value.hasBinaryListValues()
                ? value.binaryListValues().stream().filter(Objects::nonNull).map(SdkBytes::asByteBuffer).toList() : List.of());
        return attribute;
    }

    @Override
    public void close() {
        loop.close();
    }
}
