package io.trackline.aws;

import io.trackline.emulator.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every client {@link AwsClients} builds works with temporary credentials given as Lambda gives them (in the
 * environment: key, secret and session token), on moto with IAM enforced: an IAM role with a policy, its credentials
 * from STS AssumeRole. The same calls without the session token, or with another one, are refused, so this test fails
 * for a factory that drops the token (issue #11, item 3).
 */
class TemporaryCredentialsIT {
    private static final String ACCOUNT = "123456789012";
    /** What the calls below need, as a function's role would grant it (moto checks resources for SQS only). */
    private static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "*", "Action": [
              "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DescribeStream",
              "sqs:SendMessage", "sns:Publish", "secretsmanager:GetSecretValue"]}]}""";

    private static Emulator emulator;
    private static Credentials temporary;
    private static String table;
    private static String streamArn;
    private static String queueUrl;
    private static String topicArn;
    private static String secretArn;

    @BeforeAll
    static void startMotoWithIamAndAssumeARole() {
        emulator = Emulator.start();
        assumeTrue(emulator.isMoto(), "IAM enforcement is a moto feature");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        AwsClients setup = new AwsClients(Settings.of(lambdaEnvironment(Emulator.DEMO_ACCESS_KEY, Emulator.DEMO_ACCESS_KEY, null)));
        table = "Creds-" + suffix;
        try (var dynamo = setup.dynamoDb(); var sqs = setup.sqs(); var sns = setup.sns(); var secrets = setup.secretsManager();
             var iam = IamClient.builder().region(Region.AWS_GLOBAL).endpointOverride(emulator.endpoint())
                     .credentialsProvider(demo()).httpClient(UrlConnectionHttpClient.create()).build();
             var sts = StsClient.builder().region(Region.US_EAST_1).endpointOverride(emulator.endpoint())
                     .credentialsProvider(demo()).httpClient(UrlConnectionHttpClient.create()).build()) {
            streamArn = dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build())
                    .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()))
                    .tableDescription().latestStreamArn();
            queueUrl = sqs.createQueue(b -> b.queueName("Creds-" + suffix)).queueUrl();
            topicArn = sns.createTopic(b -> b.name("Creds-" + suffix)).topicArn();
            secretArn = secrets.createSecret(b -> b.name("Creds-" + suffix).secretString("{\"native\":[\"s\"]}")).arn();
            String role = iam.createRole(b -> b.roleName("Function-" + suffix).assumeRolePolicyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                      "Principal": {"AWS": "arn:aws:iam::%s:root"}}]}""".formatted(ACCOUNT))).role().arn();
            iam.putRolePolicy(b -> b.roleName("Function-" + suffix).policyName("calls").policyDocument(POLICY));
            temporary = sts.assumeRole(b -> b.roleArn(role).roleSessionName("lambda")).credentials();
        }
        emulator.enforceIam();
    }

    @AfterAll
    static void stop() {
        if (emulator != null) emulator.close();
    }

    /** One real call per client the factory builds; {@link #shouldCoverEveryClient_whenAwsClientsBuildsOne()} keeps it complete. */
    static Map<String, Function<AwsClients, Object>> calls() {
        Map<String, Function<AwsClients, Object>> calls = new LinkedHashMap<>();
        calls.put("dynamoDb", aws -> {
            try (var dynamo = aws.dynamoDb()) {
                dynamo.putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("k"))));
                return dynamo.getItem(b -> b.tableName(table).key(Map.of("PK", AttributeValue.fromS("k")))).item();
            }
        });
        calls.put("dynamoDbStreams", aws -> {
            try (var streams = aws.dynamoDbStreams()) {
                return streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().streamArn();
            }
        });
        calls.put("sqs", aws -> {
            try (var sqs = aws.sqs()) {
                return sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{}")).messageId();
            }
        });
        calls.put("sns", aws -> {
            try (var sns = aws.sns()) {
                return sns.publish(b -> b.topicArn(topicArn).message("{}")).messageId();
            }
        });
        calls.put("secretsManager", aws -> {
            try (var secrets = aws.secretsManager()) {
                return secrets.getSecretValue(b -> b.secretId(secretArn)).secretString();
            }
        });
        return calls;
    }

    static Stream<String> clients() {
        return calls().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("clients")
    void shouldCallAws_whenTheEnvironmentCarriesTemporaryCredentialsWithTheirSessionToken(String client) {
        Settings lambda = Settings.of(lambdaEnvironment(temporary.accessKeyId(), temporary.secretAccessKey(), temporary.sessionToken()));

        Object answer = calls().get(client).apply(new AwsClients(lambda));

        assertThat(answer).isNotNull();
        assertThat(answer.toString()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("clients")
    void shouldBeRefused_whenTheSameTemporaryCredentialsComeWithoutTheirSessionToken(String client) {
        Settings tokenDropped = Settings.of(lambdaEnvironment(temporary.accessKeyId(), temporary.secretAccessKey(), null));

        var bodies = new ErrorBodies();

        assertThatThrownBy(() -> calls().get(client).apply(new AwsClients(tokenDropped, List.of(bodies))))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        // moto answers as AWS does: the keys are an assumed role's, so a request without its token is not recognised
        assertThat(bodies.last()).contains("InvalidClientTokenId").contains("The security token included in the request is invalid");
    }

    @ParameterizedTest
    @MethodSource("clients")
    void shouldBeRefused_whenTheSessionTokenIsNotTheOneIssuedWithTheKeys(String client) {
        Settings wrongToken = Settings.of(lambdaEnvironment(temporary.accessKeyId(), temporary.secretAccessKey(),
                temporary.sessionToken().substring(0, temporary.sessionToken().length() - 4) + "AAAA"));

        var bodies = new ErrorBodies();

        assertThatThrownBy(() -> calls().get(client).apply(new AwsClients(wrongToken, List.of(bodies))))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(bodies.last()).contains("InvalidClientTokenId");
    }

    @Test
    void shouldBeRefused_whenTheRolesPolicyDoesNotAllowTheAction() {
        Settings lambda = Settings.of(lambdaEnvironment(temporary.accessKeyId(), temporary.secretAccessKey(), temporary.sessionToken()));

        var bodies = new ErrorBodies();

        try (var dynamo = new AwsClients(lambda, List.of(bodies)).dynamoDb()) {
            assertThatThrownBy(() -> dynamo.deleteTable(b -> b.tableName(table)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        assertThat(bodies.last()).contains("AccessDenied").contains("assumed-role/Function-").contains("dynamodb:DeleteTable");
    }

    @Test
    void shouldCoverEveryClient_whenAwsClientsBuildsOne() {
        var factories = Arrays.stream(AwsClients.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0
                        && SdkClient.class.isAssignableFrom(m.getReturnType()))
                .map(Method::getName);

        assertThat(factories).containsExactlyInAnyOrderElementsOf(calls().keySet());
    }

    /**
     * The body of the last error answer: moto answers JSON services' auth errors in XML, which the SDK does not parse
     * into an error code, so the tests read what was said.
     */
    private static final class ErrorBodies implements ExecutionInterceptor {
        private volatile String last = "";

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            Optional<InputStream> body = context.responseBody();
            if (context.httpResponse().isSuccessful() || body.isEmpty()) return body;
            try (InputStream in = body.get()) {
                byte[] bytes = in.readAllBytes();
                last = new String(bytes, StandardCharsets.UTF_8);
                return Optional.of(new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String last() {
            return last;
        }
    }

    /** What Lambda's environment holds for a function on the emulator (the token is absent for long-term keys). */
    private static Map<String, String> lambdaEnvironment(String key, String secret, String token) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL", emulator.endpoint().toString(),
                "AWS_REGION", Emulator.DEFAULT_REGION, "AWS_ACCESS_KEY_ID", key, "AWS_SECRET_ACCESS_KEY", secret));
        if (token != null) env.put("AWS_SESSION_TOKEN", token);
        return env;
    }

    private static StaticCredentialsProvider demo() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulator.DEMO_ACCESS_KEY, Emulator.DEMO_ACCESS_KEY));
    }
}
