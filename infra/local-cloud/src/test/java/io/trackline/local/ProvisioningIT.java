package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.api.application.auth.ApiKey;
import io.trackline.aws.Json;
import io.trackline.testkit.cloud.LocalAws;
import io.trackline.testkit.template.Specs;
import io.trackline.testkit.template.Template;
import io.trackline.local.testing.TestTemplates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the local cloud on the repository's template.yaml and checks that the emulator holds what the template declares.
 * A cloud of its own, not the shared one: it asserts what a fresh start leaves and nothing else (exactly the declared
 * queues and subscriptions, where other tests add mailbox queues and the API email subscriptions; the local.json the
 * start writes), and it publishes bare triggers to the shipment events topic, which would reach a shared cloud's
 * notifier and webhook fan-out.
 */
class ProvisioningIT {
    @TempDir
    static Path state;
    private static final Template TEMPLATE = Template.load(TestTemplates.repository());
    private static LocalCloud cloud;
    private static LocalAws aws;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudOptions.forTests().withLocalJson(Optional.of(state.resolve("local.json"))));
        aws = new LocalAws(cloud.awsEndpoint(), "us-east-1", cloud.demo().awsAccessKeyId(), cloud.demo().awsSecretAccessKey());
    }

    @AfterAll
    static void stop() {
        if (aws != null) aws.close();
        if (cloud != null) cloud.close();
    }

    @Test
    void shouldCreateTheTableWithKeysIndexesAndTtl_whenTheTemplateDeclaresIt() {
        Specs.Table declared = TEMPLATE.tables().getFirst();

        var table = aws.dynamoDb().describeTable(r -> r.tableName(declared.logicalId())).table();

        assertThat(aws.dynamoDb().listTables().tableNames()).containsExactly("TrackingTable");
        assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString()).containsExactly("PK:HASH", "SK:RANGE");
        assertThat(table.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(i -> i.indexName(), i -> i.projection().projectionTypeAsString())))
                .isEqualTo(Map.of("GSI1", "KEYS_ONLY", "GSI2", "INCLUDE", "GSI3", "KEYS_ONLY"));
        assertThat(table.globalSecondaryIndexes().stream().filter(i -> i.indexName().equals("GSI2")).findFirst().orElseThrow()
                .projection().nonKeyAttributes())
                .containsExactlyInAnyOrder("tenantId", "orderId", "customerId", "createdAt", "shipmentIds");
        var ttl = aws.dynamoDb().describeTimeToLive(r -> r.tableName("TrackingTable")).timeToLiveDescription();
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
        assertThat(ttl.timeToLiveStatusAsString()).isEqualTo("ENABLED");
    }

    @Test
    void shouldCreateEveryQueueWithItsRedrivePolicy_whenTheTemplateDeclaresThem() {
        List<String> names = aws.sqs().listQueues().queueUrls().stream().map(u -> u.substring(u.lastIndexOf('/') + 1)).toList();

        assertThat(names).containsExactlyInAnyOrderElementsOf(TEMPLATE.queues().stream().map(Specs.Queue::logicalId).toList());
        for (Specs.Queue queue : TEMPLATE.queues()) {
            Map<String, String> attributes = aws.sqs().getQueueAttributes(r -> r.queueUrl(cloud.stack().queue(queue.logicalId()).url())
                    .attributeNamesWithStrings("All")).attributesAsStrings();
            assertThat(attributes).as(queue.logicalId()).containsEntry("VisibilityTimeout", "2");
            queue.redrive().ifPresent(redrive -> {
                JsonNode policy = read(attributes.get("RedrivePolicy"));
                String dlqArn = cloud.stack().queue(redrive.deadLetterQueueId().orElseThrow()).arn();
                assertThat(policy.get("deadLetterTargetArn").asText()).as(queue.logicalId()).isEqualTo(dlqArn);
                assertThat(policy.get("maxReceiveCount").asInt()).isEqualTo(redrive.maxReceiveCount());
            });
        }
        assertThat(TEMPLATE.queues().stream().filter(q -> q.redrive().isPresent()).count())
                .as("ingest, notification, webhook-events, webhook-delivery and support queues").isEqualTo(5);
    }

    @Test
    void shouldCreateEveryTopicAndSubscriptionWithItsFilterPolicy_whenTheTemplateDeclaresThem() {
        List<String> topics = aws.sns().listTopics().topics().stream().map(t -> t.topicArn().substring(t.topicArn().lastIndexOf(':') + 1)).toList();
        assertThat(topics).containsExactlyInAnyOrderElementsOf(TEMPLATE.topics().stream().map(Specs.Topic::logicalId).toList());

        var subscriptions = aws.sns().listSubscriptions().subscriptions();
        assertThat(subscriptions).hasSize(TEMPLATE.subscriptions().size());
        for (Specs.Subscription declared : TEMPLATE.subscriptions()) {
            String arn = cloud.stack().subscriptions().get(declared.logicalId());
            Map<String, String> attributes = aws.sns().getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes();
            assertThat(attributes).as(declared.logicalId())
                    .containsEntry("Protocol", "sqs")
                    .containsEntry("RawMessageDelivery", "true")
                    .containsEntry("Endpoint", cloud.stack().queue(((io.trackline.testkit.template.Intrinsic.GetAtt) declared.endpoint()).resource()).arn());
            declared.filterPolicy().ifPresent(policy -> {
                assertThat(read(attributes.get("FilterPolicy"))).isEqualTo(Json.mapper().valueToTree(policy));
                assertThat(attributes).containsEntry("FilterPolicyScope", "MessageAttributes");
            });
        }
    }

    @Test
    void shouldDeliverOnlyMatchingTriggers_whenTheSupportQueueFiltersShipmentEvents() {
        String topic = cloud.stack().topics().get("ShipmentEventsTopic");
        for (String trigger : List.of("OUT_FOR_DELIVERY", "STALLED")) {
            aws.sns().publish(r -> r.topicArn(topic).message("{\"trigger\":\"" + trigger + "\"}")
                    .messageAttributes(Map.of("trigger", MessageAttributeValue.builder().dataType("String").stringValue(trigger).build())));
        }

        var received = aws.sqs().receiveMessage(r -> r.queueUrl(cloud.stack().queue("SupportQueue").url())
                .maxNumberOfMessages(10).waitTimeSeconds(2)).messages();

        assertThat(received).extracting(m -> m.body()).containsExactly("{\"trigger\":\"STALLED\"}");
    }

    @Test
    void shouldSeedWebhookSecretsAndHashedApiKeys_whenStarting() {
        JsonNode secrets = read(aws.secretsManager().getSecretValue(r -> r.secretId("WebhookSecrets")).secretString());

        cloud.demo().webhookSecrets().forEach((source, secret) -> {
            assertThat(secret).startsWith("whsec_");
            assertThat(secrets.get(source).get(0).asText()).isEqualTo(secret);
        });
        assertThat(cloud.demo().tenants()).hasSize(2);
        for (var tenant : cloud.demo().tenants()) {
            Map<String, AttributeValue> item = aws.dynamoDb().getItem(r -> r.tableName("TrackingTable").key(Map.of(
                    "PK", AttributeValue.fromS("APIKEY#" + ApiKey.hash(tenant.apiKey())),
                    "SK", AttributeValue.fromS("APIKEY")))).item();
            assertThat(tenant.apiKey()).matches("tl_[0-9A-Za-z]{40}");
            assertThat(item.get("tenantId").s()).isEqualTo(tenant.id());
            assertThat(item.get("revoked").bool()).isFalse();
            assertThat(item).containsKeys("name", "createdAt");
        }
    }

    @Test
    void shouldGenerateTheInitialSecretAsCloudFormationWould_beforeTheDemoReplacesIt() {
        String generated = aws.secretsManager().getSecretValue(r -> r.secretId("WebhookSecrets").versionStage("AWSPREVIOUS")).secretString();

        assertThat(read(generated).get("native").asText()).matches("[A-Za-z0-9]{48}");
    }

    @Test
    void shouldWriteLocalJsonWithExactlyTheAgreedKeys_whenStarting() throws Exception {
        JsonNode local = read(Files.readString(state.resolve("local.json")));

        assertThat(names(local)).containsExactly("apiUrl", "awsEndpoint", "region", "awsAccessKeyId", "awsSecretAccessKey", "tenants", "customers",
                "webhookSecrets");
        assertThat(local.get("apiUrl").asText()).isEqualTo(cloud.apiUrl().toString());
        assertThat(local.get("awsEndpoint").asText()).isEqualTo(cloud.awsEndpoint().toString());
        assertThat(local.get("tenants")).hasSize(2).allSatisfy(t -> assertThat(names(t)).containsExactly("id", "apiKey"));
        assertThat(local.get("customers")).hasSize(2).allSatisfy(c -> assertThat(names(c)).containsExactly("id", "token"));
        assertThat(names(local.get("webhookSecrets"))).containsExactly("native", "easypost", "aftership", "shippo");
    }

    @Test
    void shouldIssueDayLongCustomerTokens_whoseSubjectIsTheCustomerId() throws Exception {
        var customer = cloud.demo().customers().getFirst();

        var claims = com.nimbusds.jwt.SignedJWT.parse(customer.token()).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo(customer.id());
        assertThat(claims.getIssuer()).isEqualTo(cloud.apiUrl() + "/local-issuer");
        assertThat(claims.getAudience()).containsExactly("trackline");
        assertThat(Duration.between(Instant.now(), claims.getExpirationTime().toInstant())).isBetween(Duration.ofHours(23), Duration.ofHours(24));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
