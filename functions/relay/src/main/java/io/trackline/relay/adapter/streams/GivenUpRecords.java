package io.trackline.relay.adapter.streams;

import io.trackline.relay.application.StreamChange;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a {@link FailedBatch}, read back from the stream: from its start sequence number (AT_SEQUENCE_NUMBER)
 * through its end one. The whole range or nothing: a range whose first record the stream no longer has (trimmed after
 * 24 hours), or whose end it never reaches, is {@link Missing}, so a partial replay is never taken for a complete one.
 */
public final class GivenUpRecords {
    /** GetRecords answers at most 1,000 records. */
    private static final int PAGE = 1000;
    /**
     * Past the last record an open shard answers empty pages for ever; inside a range it does not, so a few in a row
     * mean the range's end is not in the stream.
     */
    private static final int EMPTY_PAGES_BEFORE_GIVING_UP = 3;

    private final DynamoDbStreamsClient streams;

    public GivenUpRecords(DynamoDbStreamsClient streams) {
        this.streams = streams;
    }

    public sealed interface Read {
    }

    public record Found(List<Record> records) implements Read {
        /** The records as the relay takes them. */
        public List<StreamChange> changes() {
            return records.stream().<StreamChange>map(ReadBackChange::new).toList();
        }
    }

    public record Missing(String why) implements Read {
    }

    public Read read(FailedBatch batch) {
        BigInteger end = new BigInteger(batch.endSequenceNumber());
        List<Record> records = new ArrayList<>();
        try {
            String iterator = streams.getShardIterator(b -> b.streamArn(batch.streamArn()).shardId(batch.shardId())
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                    .sequenceNumber(batch.startSequenceNumber())).shardIterator();
            int emptyPages = 0;
            while (iterator != null && emptyPages < EMPTY_PAGES_BEFORE_GIVING_UP) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current).limit(PAGE));
                emptyPages = page.records().isEmpty() ? emptyPages + 1 : 0;
                for (Record record : page.records()) {
                    String sequenceNumber = record.dynamodb().sequenceNumber();
                    if (records.isEmpty() && !sequenceNumber.equals(batch.startSequenceNumber())) {
                        return new Missing("the stream no longer has the first record (it starts at " + sequenceNumber + ")");
                    }
                    int position = new BigInteger(sequenceNumber).compareTo(end);
                    if (position > 0) return new Found(records);
                    records.add(record);
                    if (position == 0) return new Found(records);
                }
                iterator = page.nextShardIterator();
            }
        } catch (TrimmedDataAccessException e) {
            return new Missing("trimmed: the records are older than the stream keeps (24 hours)");
        } catch (ResourceNotFoundException e) {
            return new Missing("the stream or its shard no longer exists");
        }
        return records.isEmpty()
                ? new Missing("the stream has no record at the start sequence number")
                : new Missing("the stream ends before the end sequence number, after " + records.size() + " record(s)");
    }
}
