package io.trackline.hooks.adapter.sns;

import io.trackline.domain.webhooks.WebhookEndpoint;
import io.trackline.hooks.application.Operations;
import software.amazon.awssdk.services.sns.SnsClient;

/** Tells OperationsTopic (the operators' email, pager or chat) that an endpoint was disabled, and why. */
public final class SnsOperations implements Operations {
    private final SnsClient sns;
    private final String topicArn;

    public SnsOperations(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void endpointDisabled(WebhookEndpoint endpoint) {
        sns.publish(b -> b.topicArn(topicArn)
                .subject("Trackline disabled a webhook endpoint of tenant " + endpoint.tenantId())
                .message("Webhook endpoint " + endpoint.id() + " of tenant " + endpoint.tenantId() + " ("
                        + endpoint.loggableUrl() + ") was disabled: " + endpoint.disabledReason()
                        + ". Nothing is lost: once the receiver works, the tenant re-enables it (PATCH status ENABLED)"
                        + " and replays the window (POST /v1/webhook-endpoints/" + endpoint.id() + "/replay)."));
    }
}
