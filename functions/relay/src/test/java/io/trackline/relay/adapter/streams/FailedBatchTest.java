package io.trackline.relay.adapter.streams;

import io.trackline.aws.Json;
import io.trackline.emulator.StreamEventSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The on-failure record as AWS documents it, and as the local cloud's event source writes it. */
class FailedBatchTest {
    private static final String STREAM = "arn:aws:dynamodb:us-east-1:123456789012:table/TrackingTable/stream/2026-03-02T08:00:00.000";

    @Test
    void shouldNameTheShardAndRange_whenTheRecordIsAwsDocumentedExample() throws IOException {
        // given: the example invocation record of "Retain discarded records for a DynamoDB event source in Lambda"
        String body;
        try (InputStream in = getClass().getResourceAsStream("/ddb-stream-on-failure-record.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // when
        FailedBatch batch = FailedBatch.parse(body);
        // then
        assertThat(batch).isEqualTo(new FailedBatch(
                "arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388",
                "shardId-00000001573689847184-864758bb", "800000000003126276362", "800000000003126276362", 1,
                "RetryAttemptsExhausted"));
    }

    @Test
    void shouldReadWhatTheEmulatorsEventSourceGaveUp_whenTheLocalCloudWroteTheRecord() throws IOException {
        // given
        Instant at = Instant.parse("2026-03-02T08:00:01.250Z");
        var givenUp = new StreamEventSource.GivenUp(STREAM, "shardId-1", "1100000000017454423012",
                "1100000000017454423020", 5, at, at.plusSeconds(2), "RetryAttemptsExhausted", 11, true);
        // when
        String body = Json.mapper().writeValueAsString(givenUp.invocationRecord("arn:aws:lambda:f", at.plusSeconds(9)));
        // then: the same fields, and the same shape as AWS's record
        assertThat(FailedBatch.parse(body)).isEqualTo(new FailedBatch(STREAM, "shardId-1", "1100000000017454423012",
                "1100000000017454423020", 5, "RetryAttemptsExhausted"));
        var tree = Json.mapper().readTree(body);
        assertThat(tree.fieldNames()).toIterable().containsExactly("requestContext", "responseContext", "version",
                "timestamp", "DDBStreamBatchInfo");
        assertThat(tree.get("DDBStreamBatchInfo").fieldNames()).toIterable().containsExactly("shardId",
                "startSequenceNumber", "endSequenceNumber", "approximateArrivalOfFirstRecord",
                "approximateArrivalOfLastRecord", "batchSize", "streamArn");
        assertThat(tree.at("/DDBStreamBatchInfo/approximateArrivalOfFirstRecord").asText()).isEqualTo("2026-03-02T08:00:01Z");
        assertThat(tree.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(11);
        assertThat(tree.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
    }

    @Test
    void shouldRefuse_whenTheMessageIsNotAnOnFailureRecord() {
        assertThatThrownBy(() -> FailedBatch.parse("{\"Records\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DDBStreamBatchInfo");
        assertThatThrownBy(() -> FailedBatch.parse("not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> FailedBatch.parse("{\"DDBStreamBatchInfo\": {\"shardId\": \"s\", \"streamArn\": \"a\","
                + " \"startSequenceNumber\": \"12; rm\", \"endSequenceNumber\": \"13\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startSequenceNumber");
    }
}
