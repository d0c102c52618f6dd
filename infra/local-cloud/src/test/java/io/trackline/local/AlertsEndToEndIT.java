package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.testkit.cloud.LocalAws;
import io.trackline.local.demo.DemoCredentials;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Moto;
import io.trackline.local.testing.Queues;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.Walkthrough;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trackline.local.testing.Eventually.PIPELINE;
import static io.trackline.local.testing.Walkthrough.apiKey;
import static io.trackline.local.testing.Walkthrough.bearer;
import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's proof on the local cloud: a signed {@code OUT_FOR_DELIVERY} webhook texts the registered number once (as
 * moto records it) and emails once, and the same webhook three more times sends nothing more. Email is observed the
 * way a confirmed address would receive it: an SQS queue subscribed to CustomerEmailTopic with the customer's filter
 * policy, beside the (unconfirmed) email subscription the API makes.
 */
class AlertsEndToEndIT {
    private static final String EMAIL = "ada@example.com";
    @RegisterExtension
    static final RunningCloud CLOUD = RunningCloud.shared();

    private final LocalCloud cloud = CLOUD.cloud();
    private final LocalAws aws = CLOUD.aws();

    @Test
    void shouldTextAndEmailExactlyOnce_whenTheOutForDeliveryWebhookArrivesFourTimes() {
        // given a customer (of this test's own) with SMS and email on, their mailbox, and a shipment registered with their phone
        DemoCredentials.Customer customer = Walkthrough.newCustomer(cloud);
        String apiKey = cloud.demo().tenants().getFirst().apiKey();
        var preferences = new Walkthrough(cloud).put("/v1/me/notification-preferences", """
                {"channels":["SMS","EMAIL"],"alerts":["OUT_FOR_DELIVERY","DELIVERED"],"email":"%s"}""".formatted(EMAIL),
                bearer(customer.token()));
        assertThat(preferences.statusCode()).as(preferences.body()).isEqualTo(200);
        assertThat(json(preferences.body()).path("emailSubscribed").asBoolean()).isTrue();
        String mailbox = mailboxOf(customer.id());
        Walkthrough walk = new Walkthrough(cloud);
        var registered = walk.registerShipment(apiKey, customer.id(), "usps", walk.trackingNumber);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String shipmentId = json(registered.body()).get("id").asText();
        String webhook = walk.outForDelivery();

        // when the carrier reports it out for delivery
        var first = walk.postNativeWebhook(webhook, walk.nativeSecret());

        // then one SMS goes to the registered number and one email to the customer
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        List<String> emails = new ArrayList<>();
        Eventually.await("an SMS to the registered number and an email", PIPELINE, () -> {
            emails.addAll(Queues.take(aws.sqs(), mailbox));
            return Moto.smsTo(cloud, walk.phone).size() + emails.size();
        }, sent -> sent >= 2);

        // when the same webhook arrives three more times
        for (int i = 0; i < 3; i++) {
            var again = walk.postNativeWebhook(webhook, walk.nativeSecret());
            assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        }

        // then, once processor and notifier have had every copy, still one SMS and one email
        Queues.awaitDrained(aws.sqs(), PIPELINE, cloud.stack().queue("IngestQueue").url(),
                cloud.stack().queue("NotificationQueue").url());
        emails.addAll(Queues.take(aws.sqs(), mailbox));
        List<JsonNode> texts = Moto.smsTo(cloud, walk.phone);
        assertThat(texts).hasSize(1);
        assertThat(texts.getFirst().path("message").asText()).contains(walk.trackingNumber.substring(walk.trackingNumber.length() - 4));
        assertThat(emails).hasSize(1);
        JsonNode email = json(emails.getFirst());
        assertThat(email.path("MessageAttributes").path("customerId").path("Value").asText()).isEqualTo(customer.id());
        assertThat(email.path("Subject").asText()).isNotBlank();
        // and the client sees both decisions, addressed without the raw phone or email
        JsonNode notifications = json(walk.get("/v1/shipments/" + shipmentId + "/notifications", apiKey(apiKey)).body());
        assertThat(notifications.path("items")).hasSize(2);
        assertThat(notifications.path("items").findValuesAsText("channel")).containsExactlyInAnyOrder("SMS", "EMAIL");
        assertThat(notifications.path("items")).allSatisfy(n -> {
            assertThat(n.path("trigger").asText()).isEqualTo("OUT_FOR_DELIVERY");
            assertThat(n.path("state").asText()).isEqualTo("SENT");
            assertThat(n.path("to").asText()).isNotBlank().doesNotContain(walk.phone, walk.phone.substring(1), EMAIL);
        });
    }

    /** A queue receiving what CustomerEmailTopic delivers to {@code customerId}'s address (same filter policy as the API's). */
    private String mailboxOf(String customerId) {
        String url = aws.sqs().createQueue(r -> r.queueName("mailbox-" + customerId)).queueUrl();
        String arn = aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.sns().subscribe(r -> r.topicArn(cloud.stack().topics().get("CustomerEmailTopic")).protocol("sqs").endpoint(arn)
                .attributes(Map.of("FilterPolicy", "{\"customerId\":[\"" + customerId + "\"]}")));
        return url;
    }
}
