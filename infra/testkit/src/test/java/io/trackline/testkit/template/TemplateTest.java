package io.trackline.testkit.template;

import io.trackline.aws.Json;
import io.trackline.testkit.template.Specs.Function;
import io.trackline.testkit.Repository;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {
    private static final Template TEMPLATE = Template.load(Repository.template());

    @Test
    void shouldFindEveryFunctionWithItsHandler_whenReadingTheRepositoryTemplate() {
        Map<String, String> handlers = TEMPLATE.functions().stream()
                .collect(Collectors.toMap(Function::logicalId, Function::handlerClass));

        assertThat(handlers).containsExactlyInAnyOrderEntriesOf(Map.of(
                "WebhookFunction", "io.trackline.webhook.WebhookHandler",
                "ProcessorFunction", "io.trackline.processor.ProcessorHandler",
                "NotifierFunction", "io.trackline.notifier.NotifierHandler",
                "ApiFunction", "io.trackline.api.ApiHandler",
                "SweeperFunction", "io.trackline.sweeper.SweeperHandler",
                "RelayFunction", "io.trackline.relay.RelayHandler",
                "TrackingPageFunction", "io.trackline.page.TrackingPageHandler",
                "WebhookFanOutFunction", "io.trackline.hooks.FanOutHandler",
                "WebhookDeliveryFunction", "io.trackline.hooks.DeliveryHandler"));
        assertThat(TEMPLATE.functions()).allSatisfy(f -> assertThat(f.handlerMethod()).isEqualTo("handleRequest"));
    }

    @Test
    void shouldResolveTheApiUrlOutput_whichTheLocalCloudServesOnItsGateway() {
        var resolver = new Resolver(TEMPLATE, "trackline-local", "eu-west-1", "000000000000");

        assertThat(resolver.string(TEMPLATE.outputValue("ApiUrl").orElseThrow(), "Outputs.ApiUrl"))
                .isEqualTo("https://HttpApi.execute-api.eu-west-1.amazonaws.com/dev");
        assertThat(resolver.string(function("NotifierFunction").environment().get("TRACKING_PAGE_URL"), "TRACKING_PAGE_URL"))
                .isEqualTo("https://HttpApi.execute-api.eu-west-1.amazonaws.com/dev/t");
        assertThat(TEMPLATE.outputValue("NoSuchOutput")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldHoldAJsonDashboardBody_whenItsSubstitutionsAreFilledIn() throws Exception {
        var root = CfnYaml.parse(Files.readString(Repository.template()), "template.yaml");
        var dashboard = (Map<String, Object>) ((Map<String, Object>) root.get("Resources")).get("OperationsDashboard");
        var body = (Intrinsic.Fn) ((Map<String, Object>) dashboard.get("Properties")).get("DashboardBody");

        String filled = ((String) body.argument()).replaceAll("\\$\\{[^}]+}", "x");

        assertThat(body.name()).isEqualTo("Sub");
        assertThat(Json.mapper().readTree(filled).path("widgets")).hasSize(4);
    }

    @Test
    void shouldMergeGlobalsIntoEachEnvironment_whenAFunctionDeclaresItsOwn() {
        Function webhook = function("WebhookFunction");

        assertThat(webhook.environment())
                .containsEntry("TABLE_NAME", new Intrinsic.Ref("TrackingTable"))
                .containsEntry("INGEST_QUEUE_URL", new Intrinsic.Ref("IngestQueue"))
                .containsEntry("WEBHOOK_SECRETS_ARN", new Intrinsic.Ref("WebhookSecrets"))
                .containsKey("JAVA_TOOL_OPTIONS");
        assertThat(webhook.timeoutSeconds()).isEqualTo(10);
        assertThat(function("ApiFunction").timeoutSeconds()).isEqualTo(10);
        assertThat(function("NotifierFunction").timeoutSeconds()).isEqualTo(30);
        assertThat(function("SweeperFunction").timeoutSeconds()).isEqualTo(300);
    }

    @Test
    void shouldGiveEveryWorkQueueADeadLetterQueue_whenReadingQueues() {
        Map<String, Specs.Queue> queues = TEMPLATE.queues().stream()
                .collect(Collectors.toMap(Specs.Queue::logicalId, q -> q));

        assertThat(queues.get("IngestQueue").redrive()).hasValueSatisfying(r -> {
            assertThat(r.deadLetterQueueId()).contains("IngestDeadLetterQueue");
            assertThat(r.maxReceiveCount()).isEqualTo(5);
        });
        assertThat(queues.get("NotificationQueue").redrive().flatMap(Specs.Redrive::deadLetterQueueId))
                .contains("NotificationDeadLetterQueue");
        assertThat(queues.get("SupportQueue").redrive().flatMap(Specs.Redrive::deadLetterQueueId))
                .contains("SupportDeadLetterQueue");
        assertThat(queues.get("IngestQueue").attributes()).containsEntry("VisibilityTimeout", "180");
        assertThat(queues.keySet()).contains("IngestDeadLetterQueue", "NotificationDeadLetterQueue", "SupportDeadLetterQueue");
    }

    @Test
    void shouldReadSubscriptionsWithFilterPolicies_whenTopicsFanOutToQueues() {
        var notification = TEMPLATE.subscriptions().stream()
                .filter(s -> s.logicalId().equals("NotificationSubscription")).findFirst().orElseThrow();

        assertThat(notification.protocol()).isEqualTo("sqs");
        assertThat(notification.topic()).isEqualTo(new Intrinsic.Ref("ShipmentEventsTopic"));
        assertThat(notification.endpoint()).isEqualTo(new Intrinsic.GetAtt("NotificationQueue", "Arn"));
        assertThat(notification.rawMessageDelivery()).isTrue();
        assertThat(notification.filterPolicyScope()).contains("MessageAttributes");
        assertThat(notification.filterPolicy()).hasValueSatisfying(p ->
                assertThat(p.get("trigger")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("OUT_FOR_DELIVERY", "DELIVERED", "DELAYED"));
        assertThat(TEMPLATE.subscriptions()).extracting(Specs.Subscription::logicalId)
                .containsExactlyInAnyOrder("NotificationSubscription", "SupportFromEventsSubscription", "SupportSubscription",
                        "InboundSmsSubscription", "WebhookEventsSubscription");
        assertThat(TEMPLATE.topics()).extracting(Specs.Topic::logicalId)
                .containsExactlyInAnyOrder("ShipmentEventsTopic", "SupportTopic", "CustomerEmailTopic", "OperationsTopic",
                        "InboundSmsTopic");
    }

    @Test
    void shouldReadTheTableKeysIndexesAndTtl_whenReadingTheTrackingTable() {
        Specs.Table table = TEMPLATE.tables().getFirst();

        assertThat(table.logicalId()).isEqualTo("TrackingTable");
        assertThat(table.keySchema()).containsExactly(new Specs.KeyElement("PK", "HASH"), new Specs.KeyElement("SK", "RANGE"));
        assertThat(table.globalIndexes()).extracting(Specs.Index::name).containsExactly("GSI1", "GSI2", "GSI3");
        assertThat(table.globalIndexes().get(2).projectionType()).isEqualTo("KEYS_ONLY");
        assertThat(table.ttlAttribute()).contains("expiresAt");
    }

    @Test
    void shouldReadParametersSecretAndAuthorizer_whenReadingTheRepositoryTemplate() {
        assertThat(TEMPLATE.parameters().get("JwtAudience").defaultValue()).contains("trackline");
        Specs.Secret webhookSecrets = TEMPLATE.secrets().stream().filter(s -> s.logicalId().equals("WebhookSecrets")).findFirst().orElseThrow();
        assertThat(webhookSecrets.secretString()).isEmpty();
        assertThat(webhookSecrets.generate()).hasValueSatisfying(g -> {
            assertThat(g.generateStringKey()).contains("native");
            assertThat(g.passwordLength()).isEqualTo(48);
            assertThat(g.excludePunctuation()).isTrue();
        });
    }

    @Test
    void shouldLeaveOutResourcesWhoseConditionIsFalse_whenParametersTakeTheirDefaults() {
        String text = """
                Parameters:
                  Email: {Type: String, Default: ""}
                  Pool: {Type: String, Default: ""}
                Conditions:
                  HasEmail: !Not [!Equals [!Ref Email, ""]]
                  CreatePool: !Equals [!Ref Pool, ""]
                Resources:
                  Topic: {Type: AWS::SNS::Topic}
                  Mail: {Type: AWS::SNS::Subscription, Condition: HasEmail, Properties: {TopicArn: !Ref Topic, Protocol: email, Endpoint: !Ref Email}}
                  Queue: {Type: AWS::SQS::Queue, Condition: CreatePool}
                """;
        Template template = Template.parse(text, "conditions.yaml");

        assertThat(template.subscriptions()).isEmpty();
        assertThat(template.queues()).extracting(Specs.Queue::logicalId).containsExactly("Queue");
        assertThat(template.resourceTypes()).containsOnlyKeys("Topic", "Queue");
        assertThat(TEMPLATE.isCreated("OperatorEmailSubscription")).isFalse();
        assertThat(TEMPLATE.isCreated("CustomerUserPool")).isTrue();
    }

    @Test
    void shouldReadShortAndLongFormsAlike_whenIntrinsicsAreSpelledEitherWay() {
        String shortForm = "Resources: {A: {Type: X, Properties: {P: !GetAtt Q.Arn, R: !Ref S, J: !Join ['-', [a, !Ref S]]}}}";
        String longForm = "Resources: {A: {Type: X, Properties: {P: {'Fn::GetAtt': [Q, Arn]}, R: {Ref: S}, J: {'Fn::Join': ['-', [a, {Ref: S}]]}}}}";

        assertThat(CfnYaml.parse(shortForm, "short")).isEqualTo(CfnYaml.parse(longForm, "long"));
    }

    @Test
    void shouldSayWhereTheYamlIsBroken_whenTheTemplateIsInvalid() {
        assertThatThrownBy(() -> Template.parse("Resources:\n  A: [unclosed\n", "broken.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("broken.yaml is not valid YAML at line")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldRejectDuplicateKeys_whenTheTemplateRepeatsOne() {
        assertThatThrownBy(() -> Template.parse("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n", "dup.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("dup.yaml is not valid YAML");
    }

    @Test
    void shouldSayWhatToDo_whenTheTemplateIsMissing() {
        assertThatThrownBy(() -> Template.load(Path.of("no/such/template.yaml")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template no/such/template.yaml does not exist: run from the repository root or pass --template");
    }

    @Test
    void shouldNameTheResource_whenARequiredPropertyIsMissing() {
        Template template = Template.parse("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {}\n", "t.yaml");

        assertThatThrownBy(template::functions).isInstanceOf(TemplateException.class)
                .hasMessage("Fn.Properties.Handler is missing");
    }

    private static Function function(String logicalId) {
        return TEMPLATE.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }
}
