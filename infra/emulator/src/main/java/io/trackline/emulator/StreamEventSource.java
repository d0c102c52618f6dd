package io.trackline.emulator;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What Lambda's DynamoDB stream event source does, on the emulator's stream (moto keeps one shard per table): reads from
 * the trim horizon, drops the records the filter rejects, hands the others to the handler as a {@link DynamodbEvent} in
 * batches, and moves its checkpoint past what the handler did not report failed. A reported failure (or a thrown error)
 * is retried from the first failed sequence number; after {@code maxRetries} retries of the same record, the batch from
 * that record on is given up to {@code onFailure}, as Lambda sends it to the on-failure destination. Not thread-safe:
 * one poller per source.
 */
public final class StreamEventSource {
    /**
     * A batch given up: what Lambda's on-failure destination receives, where the records are and not the records.
     *
     * @param reason      Lambda's condition ({@code RetryAttemptsExhausted})
     * @param invocations how many times the batch was invoked
     */
    public record GivenUp(String streamArn, String shardId, String startSequenceNumber, String endSequenceNumber,
                          int batchSize, Instant firstArrival, Instant lastArrival, String reason, int invocations,
                          boolean functionError) {
        /**
         * The on-failure record in AWS's shape for DynamoDB stream sources ("Retain discarded records for a DynamoDB
         * event source in Lambda"), ready to serialise as the message body.
         */
        public Map<String, Object> invocationRecord(String functionArn, Instant now) {
            Map<String, Object> requestContext = new LinkedHashMap<>();
            requestContext.put("requestId", UUID.randomUUID().toString());
            requestContext.put("functionArn", functionArn);
            requestContext.put("condition", reason);
            requestContext.put("approximateInvokeCount", invocations);
            Map<String, Object> responseContext = new LinkedHashMap<>();
            responseContext.put("statusCode", 200);
            responseContext.put("executedVersion", "$LATEST");
            // A reported batch item failure is a successful invocation; a thrown error is Lambda's "Unhandled".
            if (functionError) responseContext.put("functionError", "Unhandled");
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("shardId", shardId);
            info.put("startSequenceNumber", startSequenceNumber);
            info.put("endSequenceNumber", endSequenceNumber);
            info.put("approximateArrivalOfFirstRecord", firstArrival.truncatedTo(ChronoUnit.SECONDS).toString());
            info.put("approximateArrivalOfLastRecord", lastArrival.truncatedTo(ChronoUnit.SECONDS).toString());
            info.put("batchSize", batchSize);
            info.put("streamArn", streamArn);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("requestContext", requestContext);
            record.put("responseContext", responseContext);
            record.put("version", "1.0");
            record.put("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString());
            record.put("DDBStreamBatchInfo", info);
            return record;
        }
    }

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final int batchSize;
    private final Predicate<DynamodbEvent.DynamodbStreamRecord> filter;
    private final int maxRetries;
    private final Consumer<GivenUp> onFailure;
    private String shardId;
    private String checkpoint;
    /** The sequence number that failed last, how many times in a row, and whether by a thrown error. */
    private String failing;
    private int failures;
    private boolean thrown;
    public int invocations;

    /**
     * @param maxRetries retries of a failing batch before it is given up; negative: until it succeeds
     */
    public StreamEventSource(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table, int batchSize,
                             Predicate<DynamodbEvent.DynamodbStreamRecord> filter, int maxRetries,
                             Consumer<GivenUp> onFailure) {
        this.streams = streams;
        this.streamArn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        if (streamArn == null) throw new IllegalStateException("table " + table + " has no stream");
        this.batchSize = batchSize;
        this.filter = filter;
        this.maxRetries = maxRetries;
        this.onFailure = onFailure;
    }

    /** Every record, batches of up to 100; a batch still failing after 10 retries fails the caller: for tests. */
    public static StreamEventSource of(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table) {
        return new StreamEventSource(dynamo, streams, table, 100, record -> true, 10, given -> {
            throw new IllegalStateException("stream batch given up after 10 retries: " + given);
        });
    }

    /** Polls until the stream has nothing new (a failing batch is retried at once); returns the invocations made. */
    public int drain(Function<DynamodbEvent, StreamsEventResponse> handler) {
        int before = invocations;
        while (pollOnce(handler)) {
            // next batch, or the retry of a failed one
        }
        return invocations - before;
    }

    /**
     * At most one invocation: the next records from the checkpoint.
     *
     * @return false when the stream had nothing new
     */
    public boolean pollOnce(Function<DynamodbEvent, StreamsEventResponse> handler) {
        List<Record> read = read();
        if (read.isEmpty()) return false;
        List<DynamodbEvent.DynamodbStreamRecord> batch = new ArrayList<>();
        for (Record record : read) {
            DynamodbEvent.DynamodbStreamRecord event = event(record);
            if (filter.test(event)) batch.add(event);
        }
        String last = read.getLast().dynamodb().sequenceNumber();
        if (batch.isEmpty()) {
            advancePast(last);
            return true;
        }
        String failedAt = invoke(handler, batch);
        if (failedAt == null) {
            advancePast(last);
            return true;
        }
        failures = failedAt.equals(failing) ? failures + 1 : 1;
        failing = failedAt;
        if (maxRetries >= 0 && failures > maxRetries) {
            // The rest of the batch goes with the failed record, as Lambda gives up a batch.
            onFailure.accept(givenUp(read, batch, failedAt));
            advancePast(last);
        } else {
            checkpoint = failedAt;
        }
        return true;
    }

    private GivenUp givenUp(List<Record> read, List<DynamodbEvent.DynamodbStreamRecord> batch, String failedAt) {
        Record failed = read.stream().filter(r -> r.dynamodb().sequenceNumber().equals(failedAt)).findFirst().orElseThrow();
        int given = (int) batch.stream().dropWhile(r -> !r.getDynamodb().getSequenceNumber().equals(failedAt)).count();
        return new GivenUp(streamArn, shardId(), failedAt, read.getLast().dynamodb().sequenceNumber(), given,
                arrival(failed), arrival(read.getLast()), "RetryAttemptsExhausted", failures, thrown);
    }

    private static Instant arrival(Record record) {
        Instant created = record.dynamodb().approximateCreationDateTime();
        return created != null ? created : Instant.now();
    }

    /** @return the first failed sequence number, or null when the whole batch succeeded */
    private String invoke(Function<DynamodbEvent, StreamsEventResponse> handler, List<DynamodbEvent.DynamodbStreamRecord> batch) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(batch);
        invocations++;
        thrown = false;
        try {
            StreamsEventResponse response = handler.apply(event);
            if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
                return null;
            }
            return response.getBatchItemFailures().getFirst().getItemIdentifier();
        } catch (RuntimeException functionError) {
            thrown = true;
            return batch.getFirst().getDynamodb().getSequenceNumber();
        }
    }

    private void advancePast(String sequenceNumber) {
        checkpoint = new java.math.BigInteger(sequenceNumber).add(java.math.BigInteger.ONE).toString();
        failing = null;
        failures = 0;
    }

    private List<Record> read() {
        String shard = shardId();
        String iterator = streams.getShardIterator(b -> {
            b.streamArn(streamArn).shardId(shard);
            if (checkpoint == null) b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            else b.shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(checkpoint);
        }).shardIterator();
        return streams.getRecords(b -> b.shardIterator(iterator).limit(batchSize)).records();
    }

    /** moto keeps one shard per stream, for good: read once. */
    private String shardId() {
        if (shardId == null) {
            shardId = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().getFirst().shardId();
        }
        return shardId;
    }

    private DynamodbEvent.DynamodbStreamRecord event(Record record) {
        var change = record.dynamodb();
        StreamRecord streamRecord = new StreamRecord()
                .withKeys(image(change.keys()))
                .withSequenceNumber(change.sequenceNumber())
                .withSizeBytes(change.sizeBytes());
        if (change.streamViewType() != null) streamRecord.setStreamViewType(
                com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(change.streamViewTypeAsString()));
        if (change.approximateCreationDateTime() != null) {
            streamRecord.setApproximateCreationDateTime(Date.from(change.approximateCreationDateTime()));
        }
        if (change.hasNewImage()) streamRecord.setNewImage(image(change.newImage()));
        if (change.hasOldImage()) streamRecord.setOldImage(image(change.oldImage()));
        DynamodbEvent.DynamodbStreamRecord event = new DynamodbEvent.DynamodbStreamRecord();
        event.setEventSourceARN(streamArn);
        event.setEventID(record.eventID());
        event.setEventName(record.eventNameAsString());
        event.setEventSource(record.eventSource());
        event.setEventVersion(record.eventVersion());
        event.setAwsRegion(record.awsRegion());
        event.setDynamodb(streamRecord);
        return event;
    }

    private static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> image = new HashMap<>();
        item.forEach((name, value) -> image.put(name, value(value)));
        return image;
    }

    private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        AttributeValue a = new AttributeValue();
        if (v.s() != null) a.setS(v.s());
        else if (v.n() != null) a.setN(v.n());
        else if (v.b() != null) a.setB(ByteBuffer.wrap(v.b().asByteArray()));
        else if (v.bool() != null) a.setBOOL(v.bool());
        else if (Boolean.TRUE.equals(v.nul())) a.setNULL(true);
        else if (v.hasSs()) a.setSS(v.ss());
        else if (v.hasNs()) a.setNS(v.ns());
        else if (v.hasBs()) a.setBS(v.bs().stream().map(b -> ByteBuffer.wrap(b.asByteArray())).toList());
        else if (v.hasM()) a.setM(image(v.m()));
        else if (v.hasL()) a.setL(v.l().stream().map(StreamEventSource::value).toList());
        return a;
    }
}
