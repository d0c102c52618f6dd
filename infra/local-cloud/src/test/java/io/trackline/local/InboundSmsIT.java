package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Moto;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.Walkthrough;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.stream.StreamSupport;

import static io.trackline.local.testing.Eventually.PIPELINE;
import static io.trackline.local.testing.Walkthrough.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's STOP reply, as SNS two-way SMS delivers it to the template's {@code InboundSmsTopic}, reaches the
 * notifier through its subscription and silences the number: the next alert is recorded as suppressed and no SMS goes out.
 */
class InboundSmsIT {
    @RegisterExtension
    static final RunningCloud CLOUD = RunningCloud.shared();
    private static LocalCloud cloud;
    private static AwsClients aws;

    @BeforeAll
    static void clients() {
        cloud = CLOUD.cloud();
        aws = new AwsClients(Settings.of(Map.of("AWS_ENDPOINT_URL", cloud.awsEndpoint().toString(),
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", cloud.demo().awsAccessKeyId(),
                "AWS_SECRET_ACCESS_KEY", cloud.demo().awsSecretAccessKey())));
    }

    @Test
    void shouldSuppressTheAlert_whenTheNumberRepliedStop() {
        // given a registered shipment whose customer replied STOP to an earlier text
        Walkthrough walk = new Walkthrough(cloud);
        String apiKey = cloud.demo().tenants().getFirst().apiKey();
        String shipmentId = json(walk.registerShipment(apiKey).body()).get("id").asText();
        try (var sns = aws.sns(); var dynamo = aws.dynamoDb()) {
            sns.publish(b -> b.topicArn(cloud.stack().topics().get("InboundSmsTopic"))
                    .message("{\"originationNumber\":\"" + walk.phone + "\",\"destinationNumber\":\"+18005550100\","
                            + "\"messageKeyword\":\"KEYWORD_123456789012\",\"messageBody\":\"STOP\"}"));
            String table = cloud.stack().tables().get("TrackingTable");
            Eventually.await("the STOP reply is recorded", PIPELINE,
                    () -> dynamo.getItem(b -> b.tableName(table).key(Map.of("PK", AttributeValue.fromS("OPTOUT#" + walk.phone),
                            "SK", AttributeValue.fromS("OPTOUT")))).hasItem(), recorded -> recorded);
        }

        // when the package goes out for delivery
        assertThat(walk.postNativeWebhook(walk.outForDelivery(), walk.nativeSecret()).statusCode()).isEqualTo(202);

        // then the SMS decision is recorded as suppressed because the number opted out, and nothing was sent
        JsonNode notifications = Eventually.await("the notifier records its SMS decision", PIPELINE,
                () -> json(walk.get("/v1/shipments/" + shipmentId + "/notifications", Walkthrough.apiKey(apiKey)).body())
                        .path("items"),
                items -> StreamSupport.stream(items.spliterator(), false).anyMatch(n -> n.path("channel").asText().equals("SMS")));
        JsonNode sms = StreamSupport.stream(notifications.spliterator(), false)
                .filter(n -> n.path("channel").asText().equals("SMS")).findFirst().orElseThrow();
        assertThat(sms.path("state").asText()).isEqualTo("SUPPRESSED");
        assertThat(sms.path("reason").asText()).isEqualTo("OPTED_OUT");
        assertThat(sms.path("to").asText()).doesNotContain(walk.phone);
        assertThat(Moto.smsTo(cloud, walk.phone)).isEmpty();
    }
}
