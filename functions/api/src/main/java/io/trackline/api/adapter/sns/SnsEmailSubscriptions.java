package io.trackline.api.adapter.sns;

import io.trackline.api.application.preferences.EmailSubscriptions;
import io.trackline.aws.Json;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.UnsubscribeRequest;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Email alerts as SNS email subscriptions of the customer-email topic, one per customer, each with the filter policy
 * {@code {"customerId": ["<id>"]}} so it only receives that customer's messages. SNS emails the address to confirm.
 */
public final class SnsEmailSubscriptions implements EmailSubscriptions {
    private final Supplier<SnsClient> sns;
    private final String topicArn;

    public SnsEmailSubscriptions(Supplier<SnsClient> sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public String subscribe(String customerId, String email) {
        return sns.get().subscribe(SubscribeRequest.builder().topicArn(topicArn).protocol("email").endpoint(email)
                        // Without it a pending subscription answers "pending confirmation" instead of an ARN we can unsubscribe.
                        .returnSubscriptionArn(true)
                        .attributes(Map.of("FilterPolicyScope", "MessageAttributes",
                                "FilterPolicy", filterPolicy(customerId)))
                        .build())
                .subscriptionArn();
    }

    @Override
    public void unsubscribe(String subscriptionId) {
        sns.get().unsubscribe(UnsubscribeRequest.builder().subscriptionArn(subscriptionId).build());
    }

    static String filterPolicy(String customerId) {
        return Json.mapper().createObjectNode().set("customerId", Json.mapper().valueToTree(List.of(customerId))).toString();
    }
}
