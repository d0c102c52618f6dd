package io.trackline.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.Settings;

import java.util.List;

/**
 * Records every delivery. A body starting with {@code fail} is reported as a batch item failure on every delivery;
 * a body starting with {@code boom} makes the whole invocation throw on its first delivery.
 */
public final class RecordingConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    public RecordingConsumer(Settings settings) {
        Recorded.settings.put(settings.required("AWS_LAMBDA_FUNCTION_NAME"), settings);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            int receiveCount = Integer.parseInt(message.getAttributes().get("ApproximateReceiveCount"));
            Recorded.deliveries.add(new Recorded.Delivery(context.getFunctionName(), message.getBody(), receiveCount));
            Recorded.messages.add(message);
        }
        boolean firstBoom = event.getRecords().stream().anyMatch(m -> m.getBody().startsWith("boom")
                && m.getAttributes().get("ApproximateReceiveCount").equals("1"));
        if (firstBoom) throw new IllegalStateException("boom on the first delivery");
        List<SQSBatchResponse.BatchItemFailure> failures = event.getRecords().stream()
                .filter(m -> m.getBody().startsWith("fail"))
                .map(m -> new SQSBatchResponse.BatchItemFailure(m.getMessageId()))
                .toList();
        return new SQSBatchResponse(failures);
    }
}
