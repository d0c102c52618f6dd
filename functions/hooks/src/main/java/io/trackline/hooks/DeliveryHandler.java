package io.trackline.hooks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.trackline.aws.lambda.JsonEventHandler;
import io.trackline.aws.log.Log;
import io.trackline.aws.queue.WebhookDeliveryCodec;
import io.trackline.hooks.application.DeliverWebhooks;
import io.trackline.hooks.application.DeliveryRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * WebhookDeliveryQueue → one attempt per message, the batch's attempts at once ({@link DeliverWebhooks}). Failed
 * deliveries are reported with their next receive already deferred by the retry schedule; a message that is not a
 * delivery keeps failing until the DLQ takes it (the log line says why).
 */
public final class DeliveryHandler extends JsonEventHandler<SQSEvent, SQSBatchResponse> {
    private static final Log LOG = Log.of(DeliveryHandler.class);

    private final DeliverWebhooks deliver;

    public DeliveryHandler() {
        this(HooksWiring.fromEnvironment());
    }

    public DeliveryHandler(HooksWiring wiring) {
        super(SQSEvent.class);
        this.deliver = wiring.delivery();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent input, Context context) {
        List<String> failed = new ArrayList<>();
        List<DeliveryRequest> requests = new ArrayList<>();
        for (SQSMessage message : input.getRecords()) {
            try {
                var queued = WebhookDeliveryCodec.decode(message.getBody());
                requests.add(new DeliveryRequest(message.getMessageId(), message.getReceiptHandle(), queued.delivery(),
                        queued.queuedAt(), Integer.parseInt(message.getAttributes().getOrDefault("ApproximateReceiveCount", "1"))));
            } catch (RuntimeException e) {
                LOG.error("message is not a webhook delivery", "messageId", message.getMessageId(), "detail", e.getMessage());
                failed.add(message.getMessageId());
            }
        }
        failed.addAll(deliver.handle(requests));
        return SQSBatchResponse.builder()
                .withBatchItemFailures(failed.stream().map(SQSBatchResponse.BatchItemFailure::new).toList()).build();
    }
}
