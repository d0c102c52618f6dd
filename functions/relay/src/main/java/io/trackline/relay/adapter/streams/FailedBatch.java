package io.trackline.relay.adapter.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;

/**
 * The on-failure record Lambda sends {@code RelayFailureQueue} when it gives up stream records: where the records are
 * ({@code DDBStreamBatchInfo}), not the records. Its shape is AWS's "invocation record" for DynamoDB stream sources:
 * {@code {"requestContext": {"condition", ...}, "responseContext": {...}, "version", "timestamp",
 * "DDBStreamBatchInfo": {"shardId", "startSequenceNumber", "endSequenceNumber", "approximateArrivalOfFirstRecord",
 * "approximateArrivalOfLastRecord", "batchSize", "streamArn"}}}.
 *
 * @param condition why Lambda gave up ({@code RetryAttemptsExhausted}, {@code RecordAgeExceeded}, ...)
 */
public record FailedBatch(String streamArn, String shardId, String startSequenceNumber, String endSequenceNumber,
                          int batchSize, String condition) {

    /** @throws IllegalArgumentException when the body is not a DynamoDB stream on-failure record */
    public static FailedBatch parse(String body) {
        JsonNode record;
        try {
            record = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        JsonNode info = record == null ? null : record.get("DDBStreamBatchInfo");
        if (info == null || !info.isObject()) {
            throw new IllegalArgumentException("no DDBStreamBatchInfo: not a DynamoDB stream on-failure record");
        }
        return new FailedBatch(text(info, "streamArn"), text(info, "shardId"), sequenceNumber(info, "startSequenceNumber"),
                sequenceNumber(info, "endSequenceNumber"), info.path("batchSize").asInt(0),
                record.path("requestContext").path("condition").asText("unknown"));
    }

    private static String sequenceNumber(JsonNode info, String field) {
        String value = text(info, field);
        if (!value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("DDBStreamBatchInfo." + field + " is not a sequence number");
        }
        return value;
    }

    private static String text(JsonNode info, String field) {
        JsonNode value = info.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("DDBStreamBatchInfo." + field + " is missing");
        }
        return value.asText();
    }
}
