package io.trackline.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.trackline.aws.Settings;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the partition key of every stream record delivered, in order, and stops at the first that fails, reporting
 * its sequence number: a key starting with {@code fail} fails on every delivery, one starting with {@code flaky} on its
 * first only.
 */
public final class StreamRecorder implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    public StreamRecorder(Settings settings) {
        Recorded.settings.put(settings.required("AWS_LAMBDA_FUNCTION_NAME"), settings);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String key = record.getDynamodb().getKeys().get("PK").getS();
            Recorded.streamRecords.add(key);
            if (key.startsWith("fail") || key.startsWith("flaky") && failedOnce.add(key)) {
                return new StreamsEventResponse(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
            }
        }
        return new StreamsEventResponse(List.of());
    }
}
