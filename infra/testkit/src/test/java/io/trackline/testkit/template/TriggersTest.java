package io.trackline.testkit.template;

import io.trackline.testkit.Repository;
import io.trackline.testkit.template.Specs.HttpRoute;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What invokes each function, read from the SAM transform's output: the repository's template and hand-written snippets. */
class TriggersTest {
    private static final Template TRANSFORMED = SamTransform.run(Repository.template(), Repository.root());
    private static final Triggers TRIGGERS = TRANSFORMED.triggers();

    @Test
    void shouldFindEveryRouteOfProductSpec_withTheJwtAuthorizerOnCustomerRoutesOnly() {
        Map<String, Optional<String>> routes = TRIGGERS.routes().stream()
                .collect(Collectors.toMap(HttpRoute::routeKey, HttpRoute::authorizer));

        assertThat(routes.keySet()).contains(
                "POST /v1/webhooks/{source}",
                "POST /v1/shipments", "GET /v1/shipments", "GET /v1/shipments/{id}",
                "GET /v1/shipments/{id}/notifications", "GET /v1/orders/{orderId}",
                "GET /v1/me/orders", "GET /v1/me/orders/{orderId}", "GET /v1/me/shipments/{id}",
                "PUT /v1/me/shipments/{id}/delivery-address", "POST /v1/me/shipments/{id}/issues",
                "GET /v1/me/notification-preferences", "PUT /v1/me/notification-preferences",
                "GET /v1/track/{carrier}/{trackingNumber}", "GET /t/{shipmentId}");
        routes.forEach((routeKey, authorizer) -> assertThat(authorizer)
                .as(routeKey)
                .isEqualTo(routeKey.contains(" /v1/me/") ? Optional.of("CustomerJwt") : Optional.empty()));
    }

    @Test
    void shouldNameTheFunctionBehindItsAlias_whenAnIntegrationInvokesTheLiveAlias() {
        Map<String, String> functions = TRIGGERS.routes().stream()
                .collect(Collectors.toMap(HttpRoute::routeKey, HttpRoute::function));

        assertThat(functions).containsEntry("POST /v1/webhooks/{source}", "WebhookFunction")
                .containsEntry("GET /t/{shipmentId}", "TrackingPageFunction")
                .containsEntry("GET /v1/shipments/{id}", "ApiFunction");
        assertThat(TRIGGERS.routes()).allSatisfy(route -> assertThat(route.authorizationScopes()).isEmpty());
    }

    @Test
    void shouldReadTheAuthorizersAudience_asTheSecuritySchemeHoldsIt() {
        assertThat(TRIGGERS.authorizers()).containsOnlyKeys("CustomerJwt");
        assertThat(TRIGGERS.authorizers().get("CustomerJwt").audience()).containsExactly(new Intrinsic.Fn("If",
                List.of("CreateUserPool", new Intrinsic.Ref("CustomerUserPoolClient"), new Intrinsic.Ref("JwtAudience"))));
        assertThat(TRIGGERS.authorizers().get("CustomerJwt").issuer()).isInstanceOf(Intrinsic.Fn.class);
    }

    @Test
    void shouldReadSqsEventSourcesAndTheSchedule_whenFunctionsDeclareThem() {
        var ingest = queueOf("ProcessorFunction");
        var notifications = queueOf("NotifierFunction");
        var sweep = TRIGGERS.schedules().stream().filter(s -> s.function().equals("SweeperFunction")).findFirst().orElseThrow();

        assertThat(ingest.queueId()).contains("IngestQueue");
        assertThat(ingest.batchSize()).isEqualTo(10);
        assertThat(ingest.reportBatchItemFailures()).isTrue();
        assertThat(notifications.queueId()).contains("NotificationQueue");
        assertThat(notifications.reportBatchItemFailures()).isTrue();
        assertThat(sweep.rate()).contains(Duration.ofMinutes(15));
        assertThat(sweep.logicalId()).isEqualTo("SweeperFunctionSweep");
        assertThat(TRIGGERS.queues()).extracting(Specs.SqsSource::function).containsExactlyInAnyOrder(
                "ProcessorFunction", "NotifierFunction", "WebhookFanOutFunction", "WebhookDeliveryFunction");
        assertThat(TRIGGERS.schedules()).singleElement().isEqualTo(sweep);
    }

    @Test
    void shouldReadTheStreamEventSourceWithItsFilterAndFailureQueue_whenTheRelayDeclaresIt() {
        var outbox = TRIGGERS.streams().stream().filter(s -> s.function().equals("RelayFunction")).findFirst().orElseThrow();

        assertThat(outbox.tableId()).isEqualTo("TrackingTable");
        assertThat(outbox.batchSize()).isEqualTo(100);
        assertThat(outbox.startingPosition()).isEqualTo("TRIM_HORIZON");
        assertThat(outbox.reportBatchItemFailures()).isTrue();
        assertThat(outbox.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(outbox.filterPatterns()).singleElement().asString().contains("\"outbox\"");
        assertThat(outbox.onFailure()).contains(new Intrinsic.GetAtt("RelayFailureQueue", "Arn"));
        assertThat(TRANSFORMED.tables()).singleElement()
                .satisfies(t -> assertThat(t.streamViewType()).contains("NEW_AND_OLD_IMAGES"));
    }

    @Test
    void shouldReadScopesOpenRoutesAnyMethodAndPathParameters_whenTheBodyDeclaresThem() {
        Triggers triggers = transformed(api("""
                "security": [{"Jwt": ["shipments/read"]}],
                "components": {"securitySchemes": {"Jwt": {"type": "oauth2", "x-amazon-apigateway-authorizer": {"type": "jwt",
                    "jwtConfiguration": {"issuer": "https://issuer.example.com", "audience": ["tests"]}}}}},
                "paths": {
                  "/v1/shipments/{id}": {"get": %1$s, "parameters": [{"in": "path", "name": "id"}]},
                  "/v1/open": {"post": %2$s},
                  "$default": {"x-amazon-apigateway-any-method": %3$s}
                }""".formatted(
                operation("\"security\": [{\"Jwt\": [\"shipments/read\", \"shipments/write\"]}],", "${Fn.Arn}"),
                operation("\"security\": [{\"NONE\": []}],", "${Fn.Arn}"),
                operation("", "${Fn.Arn}")))).triggers();

        assertThat(triggers.routes()).containsExactlyInAnyOrder(
                new HttpRoute("GET", "/v1/shipments/{id}", "Fn", Optional.of("Jwt"), List.of("shipments/read", "shipments/write")),
                new HttpRoute("POST", "/v1/open", "Fn", Optional.empty(), List.of()),
                new HttpRoute("ANY", "$default", "Fn", Optional.of("Jwt"), List.of("shipments/read")));
        assertThat(triggers.authorizers().get("Jwt").audience()).containsExactly("tests");
    }

    @Test
    void shouldServeTheRouteWithoutAuthorizer_whenNeitherTheOperationNorTheApiHasSecurity() {
        Triggers triggers = transformed(api("\"paths\": {\"/echo\": {\"get\": %s}}".formatted(operation("", "${Fn.Arn}")))).triggers();

        assertThat(triggers.routes()).containsExactly(new HttpRoute("GET", "/echo", "Fn", Optional.empty(), List.of()));
        assertThat(triggers.authorizers()).isEmpty();
    }

    @Test
    void shouldNameTheRoutesSecurity_whenItNamesAnAuthorizerTheApiDoesNotDeclare() {
        Template template = transformed(api("\"paths\": {\"/me\": {\"get\": %s}}"
                .formatted(operation("\"security\": [{\"Missing\": []}],", "${Fn.Arn}"))));

        assertThatThrownBy(template::triggers).isInstanceOf(TemplateException.class)
                .hasMessage("Api.Properties.Body.paths./me.get.security names authorizer Missing, which Api does not declare as a JWT authorizer");
    }

    @Test
    void shouldNameTheIntegration_whenItsUriNamesNoFunction() {
        Template template = transformed(api("\"paths\": {\"/x\": {\"get\": %s}}".formatted(operation("", "${Queue.Arn}"))));

        assertThatThrownBy(template::triggers).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Api.Properties.Body.paths./x.get.x-amazon-apigateway-integration.uri should name an AWS::Lambda::Function")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldReadFilterRetriesAndOnFailureDestination_whenAStreamMappingDeclaresThem() {
        Triggers triggers = transformed(mapping("""
                "EventSourceArn": {"Fn::GetAtt": ["Table", "StreamArn"]}, "FunctionName": {"Ref": "FnAliaslive"},
                "StartingPosition": "LATEST", "BatchSize": 5, "MaximumRetryAttempts": 2,
                "FilterCriteria": {"Filters": [{"Pattern": "{\\"eventName\\": [\\"INSERT\\"]}"}]},
                "DestinationConfig": {"OnFailure": {"Destination": {"Fn::GetAtt": ["Queue", "Arn"]}}}""")).triggers();

        assertThat(triggers.streams()).containsExactly(new Specs.StreamSource("Mapping", "Fn", "Table", 5, "LATEST", false, 2,
                List.of("{\"eventName\": [\"INSERT\"]}"), Optional.of(new Intrinsic.GetAtt("Queue", "Arn"))));
        assertThat(triggers.queues()).isEmpty();
    }

    @Test
    void shouldTakeLambdasDefaults_whenAQueueMappingSetsNothing() {
        Triggers triggers = transformed(mapping("""
                "EventSourceArn": {"Fn::GetAtt": ["Queue", "Arn"]}, "FunctionName": {"Fn::GetAtt": ["Fn", "Arn"]}""")).triggers();

        assertThat(triggers.queues()).containsExactly(new Specs.SqsSource("Mapping", "Fn", new Intrinsic.GetAtt("Queue", "Arn"), 10, false));
        assertThat(triggers.streams()).isEmpty();
    }

    @Test
    void shouldRefuseInOneLine_whenAMappingIsNotEmulated() {
        assertThatThrownBy(() -> transformed(mapping("""
                "EventSourceArn": {"Fn::GetAtt": ["Queue", "Arn"]}, "FunctionName": {"Ref": "Fn"},
                "FilterCriteria": {"Filters": [{"Pattern": "{}"}]}""")).triggers())
                .isInstanceOf(TemplateException.class)
                .hasMessage("Mapping.Properties.FilterCriteria on an SQS queue is not emulated locally (DynamoDB streams only)");
        assertThatThrownBy(() -> transformed(mapping("""
                "EventSourceArn": {"Fn::GetAtt": ["Topic", "Arn"]}, "FunctionName": {"Ref": "Fn"}""")).triggers())
                .isInstanceOf(TemplateException.class)
                .hasMessage("Mapping.Properties.EventSourceArn names Topic (AWS::SNS::Topic): the local cloud polls SQS queues and DynamoDB table streams only");
        assertThatThrownBy(() -> transformed(mapping("""
                "EventSourceArn": {"Fn::GetAtt": ["Queue", "Arn"]}, "FunctionName": {"Ref": "Queue"}""")).triggers())
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Mapping.Properties.FunctionName should name an AWS::Lambda::Function of the template or its alias");
    }

    @Test
    void shouldReadRuleAndSchedulerTargets_andLeaveOutDisabledAndPatternRules() {
        Triggers triggers = transformed("""
                "Rule": {"Type": "AWS::Events::Rule", "Properties": {"ScheduleExpression": "cron(0 12 * * ? *)",
                  "Targets": [{"Id": "fn", "Arn": {"Ref": "FnAliaslive"}}, {"Id": "queue", "Arn": {"Fn::GetAtt": ["Queue", "Arn"]}}]}},
                "Off": {"Type": "AWS::Events::Rule", "Properties": {"ScheduleExpression": "rate(1 hour)", "State": "DISABLED",
                  "Targets": [{"Id": "fn", "Arn": {"Fn::GetAtt": ["Fn", "Arn"]}}]}},
                "Pattern": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"source": ["aws.s3"]},
                  "Targets": [{"Id": "fn", "Arn": {"Fn::GetAtt": ["Fn", "Arn"]}}]}},
                "Later": {"Type": "AWS::Scheduler::Schedule", "Properties": {"ScheduleExpression": "rate(2 days)",
                  "FlexibleTimeWindow": {"Mode": "OFF"}, "Target": {"Arn": {"Fn::GetAtt": ["Fn", "Arn"]}, "RoleArn": "arn:role"}}}
                """).triggers();

        assertThat(triggers.schedules()).containsExactly(
                new Specs.Schedule("Rule", "Fn", "cron(0 12 * * ? *)", Optional.empty()),
                new Specs.Schedule("Later", "Fn", "rate(2 days)", Optional.of(Duration.ofDays(2))));
    }

    @Test
    void shouldRejectAnUnknownScheduleExpression_whenItIsNeitherRateNorCron() {
        assertThatThrownBy(() -> Triggers.rate("every day", "Rule.Properties.ScheduleExpression")).isInstanceOf(TemplateException.class)
                .hasMessage("Rule.Properties.ScheduleExpression 'every day' is neither rate(N unit) nor cron(...)");
        assertThat(Triggers.rate("cron(0 12 * * ? *)", "Rule")).isEmpty();
        assertThat(Triggers.rate("rate(1 hour)", "Rule")).contains(Duration.ofHours(1));
        assertThat(Triggers.rate("rate(15 minutes)", "Rule")).contains(Duration.ofMinutes(15));
    }

    private static Specs.SqsSource queueOf(String function) {
        return TRIGGERS.queues().stream().filter(q -> q.function().equals(function)).findFirst().orElseThrow();
    }

    /** A transformed template (JSON, as transform.py prints it) with a function, its alias, a queue, a topic and a table. */
    private static Template transformed(String resources) {
        return Template.parse("""
                {"Resources": {
                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "a.B::handleRequest", "Role": "arn:role"}},
                  "FnAliaslive": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Fn"}, "Name": "live"}},
                  "Queue": {"Type": "AWS::SQS::Queue"},
                  "Topic": {"Type": "AWS::SNS::Topic"},
                  "Table": {"Type": "AWS::DynamoDB::Table"},
                  %s
                }}""".formatted(resources), "transformed.json");
    }

    private static String mapping(String properties) {
        return "\"Mapping\": {\"Type\": \"AWS::Lambda::EventSourceMapping\", \"Properties\": {" + properties + "}}";
    }

    private static String api(String body) {
        return "\"Api\": {\"Type\": \"AWS::ApiGatewayV2::Api\", \"Properties\": {\"Body\": {\"openapi\": \"3.0.1\", " + body + "}}}";
    }

    /** An operation whose integration invokes what {@code target} ({@code ${Fn.Arn}}) names, as the transform writes it. */
    private static String operation(String security, String target) {
        return "{" + security + " \"responses\": {}, \"x-amazon-apigateway-integration\": {\"type\": \"aws_proxy\", "
                + "\"payloadFormatVersion\": \"2.0\", \"httpMethod\": \"POST\", \"uri\": {\"Fn::Sub\": "
                + "\"arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/" + target + "/invocations\"}}}";
    }
}
