package io.trackline.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LambdaJson} against the reference: Lambda's own serializer (aws-lambda-java-serialization, the version the java21
 * runtime loads), on the event shapes AWS sends every Trackline function and the answers they give back.
 */
class LambdaJsonTest {
    private static final ObjectMapper TREES = new ObjectMapper();

    @Test
    void readsAnSqsBatchAsLambdasRuntimeDoes() throws IOException {
        SQSEvent ours = ours("sqs.json", SQSEvent.class);

        assertThat(ours).usingRecursiveComparison().isEqualTo(lambdas("sqs.json", SQSEvent.class));
        assertThat(ours.getRecords()).hasSize(2);
        SQSEvent.SQSMessage first = ours.getRecords().getFirst();
        assertThat(first.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:IngestQueue");
        assertThat(first.getAttributes()).containsEntry("ApproximateReceiveCount", "2");
        assertThat(first.getMessageAttributes().get("heldChannel").getStringValue()).isEqualTo("SMS");
        assertThat(first.getMessageAttributes().get("checksum").getBinaryValue().array()).containsExactly(0, 1, 2, 3, 4);
        assertThat(ours.getRecords().get(1).getBody()).isEqualTo("Kraków été \uD83D\uDCE6");
    }

    @Test
    void readsADynamoDbStreamBatchAsLambdasRuntimeDoes() throws IOException {
        DynamodbEvent ours = ours("dynamodb-stream.json", DynamodbEvent.class);

        assertThat(ours).usingRecursiveComparison().isEqualTo(lambdas("dynamodb-stream.json", DynamodbEvent.class));
        var insert = ours.getRecords().getFirst();
        assertThat(insert.getEventName()).isEqualTo("INSERT");
        assertThat(insert.getDynamodb().getApproximateCreationDateTime().getTime()).isEqualTo(1_479_499_740_000L);
        assertThat(ours.getRecords().get(1).getDynamodb().getApproximateCreationDateTime().getTime()).isEqualTo(1_479_499_740_250L);
        var image = insert.getDynamodb().getNewImage();
        assertThat(image.get("version").getN()).isEqualTo("3");
        assertThat(image.get("tags").getSS()).containsExactly("a", "b");
        assertThat(image.get("ended").getBOOL()).isFalse();
        assertThat(image.get("eta").getNULL()).isTrue();
        assertThat(image.get("outbox").getL().getFirst().getM().get("type").getS()).isEqualTo("STATUS_CHANGED");
        assertThat(ours.getRecords().get(2).getUserIdentity().getPrincipalId()).isEqualTo("dynamodb.amazonaws.com");
    }

    @Test
    void readsAnHttpApiRequestAsLambdasRuntimeDoes() throws IOException {
        APIGatewayV2HTTPEvent ours = ours("http-api.json", APIGatewayV2HTTPEvent.class);

        assertThat(ours).usingRecursiveComparison().isEqualTo(lambdas("http-api.json", APIGatewayV2HTTPEvent.class));
        assertThat(ours.getIsBase64Encoded()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(ours.getBody()), StandardCharsets.UTF_8)).isEqualTo("{\"language\":\"de\"}");
        assertThat(ours.getRequestContext().getAuthorizer().getJwt().getClaims()).containsEntry("sub", "cust_42");
        assertThat(ours.getRequestContext().getHttp().getSourceIp()).isEqualTo("192.0.2.1");
        assertThat(ours.getRequestContext().getTimeEpoch()).isEqualTo(1_796_583_838_000L);
        assertThat(ours.getQueryStringParameters()).containsEntry("x", "✓");
    }

    @Test
    void readsAScheduledEventAsAMapAsLambdasRuntimeDoes() throws IOException {
        Object ours = ours("schedule.json", Object.class);

        assertThat(ours).isEqualTo(JacksonFactory.getInstance().getSerializer(Object.class).fromJson(resource("schedule.json")));
        assertThat(ours).isInstanceOf(Map.class).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("detail-type", "Scheduled Event");
    }

    @Test
    void writesAnswersAsLambdasRuntimeDoes() throws IOException {
        var sqs = SQSBatchResponse.builder().withBatchItemFailures(List.of(new SQSBatchResponse.BatchItemFailure("m-1"))).build();
        var stream = new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure("4421584500000000017450439093")));
        var http = APIGatewayV2HTTPResponse.builder().withStatusCode(422)
                .withHeaders(Map.of("content-type", "application/problem+json")).withCookies(List.of("a=b"))
                .withBody("{\"title\":\"Kraków\"}").withIsBase64Encoded(false).build();

        for (Object answer : List.of(sqs, stream, http)) {
            JsonNode ours = TREES.readTree(written(answer));
            assertThat(ours).as(answer.getClass().getSimpleName()).isEqualTo(withoutNulls(lambdasAnswer(answer)));
        }
        assertThat(TREES.readTree(written(sqs)).at("/batchItemFailures/0/itemIdentifier").asText()).isEqualTo("m-1");
        assertThat(TREES.readTree(written(http)).at("/isBase64Encoded").isBoolean()).isTrue();
        assertThat(written(null)).isEqualTo("null");
    }

    private static <T> T ours(String name, Class<T> type) throws IOException {
        try (InputStream in = resource(name)) {
            return LambdaJson.read(in, type);
        }
    }

    private static <T> T lambdas(String name, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, LambdaJsonTest.class.getClassLoader());
        return serializer.fromJson(resource(name));
    }

    @SuppressWarnings("unchecked")
    private static JsonNode lambdasAnswer(Object answer) throws IOException {
        var serializer = (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(answer.getClass(),
                LambdaJsonTest.class.getClassLoader());
        var out = new ByteArrayOutputStream();
        serializer.toJson(answer, out);
        return TREES.readTree(out.toByteArray());
    }

    /** Lambda's serializer writes absent fields as null; API Gateway and Lambda read a null and an absent field alike. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new java.util.ArrayList<>();
            object.properties().forEach(e -> {
                if (e.getValue().isNull()) nulls.add(e.getKey());
                else withoutNulls(e.getValue());
            });
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(LambdaJsonTest::withoutNulls);
        }
        return node;
    }

    private static String written(Object answer) throws IOException {
        var out = new ByteArrayOutputStream();
        LambdaJson.write(answer, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(LambdaJsonTest.class.getResourceAsStream("/lambda-events/" + name),
                () -> "no test resource " + name);
    }
}
