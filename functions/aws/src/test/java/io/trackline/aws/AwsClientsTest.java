package io.trackline.aws;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsClientsTest {
    @Test
    void shouldSignWithTheSessionToken_whenTheSettingsCarryOne() {
        var credentials = AwsClients.credentials(Settings.of(Map.of("AWS_ACCESS_KEY_ID", "ASIAKEY",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"))).resolveCredentials();

        assertThat(credentials).isInstanceOfSatisfying(AwsSessionCredentials.class,
                c -> assertThat(c.sessionToken()).isEqualTo("token"));
        assertThat(credentials.accessKeyId()).isEqualTo("ASIAKEY");
    }

    @Test
    void shouldUseTheKeysWithoutToken_whenTheSettingsCarryLongTermKeys() {
        var credentials = AwsClients.credentials(Settings.of(Map.of("AWS_ACCESS_KEY_ID", "AKIAKEY",
                "AWS_SECRET_ACCESS_KEY", "secret"))).resolveCredentials();

        assertThat(credentials).isNotInstanceOf(AwsSessionCredentials.class);
        assertThat(credentials.secretAccessKey()).isEqualTo("secret");
    }

    @Test
    void shouldUseTheSdksDefaultChain_whenTheSettingsCarryNoKeys() {
        assertThat(AwsClients.credentials(Settings.of(Map.of("AWS_SESSION_TOKEN", "alone", "AWS_PROFILE", "ops"))))
                .isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void shouldBuildOneClientPerService_whenAFunctionsAdaptersAskForItAgain() {
        var aws = new AwsClients(Settings.of(Map.of("AWS_REGION", "eu-west-1", "AWS_LAMBDA_FUNCTION_NAME", "ProcessorFunction")));

        assertThat(aws.dynamoDb()).isSameAs(aws.dynamoDb());
        assertThat(aws.dynamoDbStreams()).isSameAs(aws.dynamoDbStreams());
        assertThat(aws.sqs()).isSameAs(aws.sqs());
        assertThat(aws.sns()).isSameAs(aws.sns());
        assertThat(aws.secretsManager()).isSameAs(aws.secretsManager());
    }

    @Test
    void shouldBoundEveryCallWithinTheApiFunctionsTimeout_whenAFunctionTalksToAws() {
        var aws = new AwsClients(Settings.of(Map.of("AWS_REGION", "eu-west-1", "AWS_LAMBDA_FUNCTION_NAME", "ApiFunction")));

        assertThat(aws.attemptTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(aws.callTimeout()).isEqualTo(Duration.ofSeconds(3));
        // the webhook's slowest path: a secret's re-read, a queue call and its one retry, inside a 10 s function
        assertThat(aws.callTimeout().multipliedBy(3)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldBoundEveryCallWithinTheFunctionsTimeout_whenAFunctionRunsUnderTheLocalCloudsLambdaRuntime() {
        // the local cloud's runtime kills a function at its Timeout, as Lambda does: its calls must fit as they do in AWS
        var aws = new AwsClients(Settings.of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "WebhookFunction",
                "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001", "AWS_ENDPOINT_URL", "http://127.0.0.1:5000")));

        assertThat(aws.attemptTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(aws.callTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldAllowLongerCalls_whenAToolRunsOutsideLambdaOrAFunctionRunsOnTheEmulator() {
        var tool = new AwsClients(Settings.of(Map.of("AWS_REGION", "eu-west-1")));
        var local = new AwsClients(Settings.of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "ApiFunction",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:5000")));

        for (var aws : java.util.List.of(tool, local)) {
            assertThat(aws.callTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(aws.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldTakeTheTimeoutsFromTheSettings_whenSet() {
        var aws = new AwsClients(Settings.of(Map.of("AWS_REGION", "eu-west-1",
                "SDK_CALL_TIMEOUT", "PT20S", "SDK_CALL_ATTEMPT_TIMEOUT", "PT5S")));

        assertThat(aws.callTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(aws.attemptTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldRefuseToStart_whenAnAttemptMayOutlastTheCall() {
        assertThatThrownBy(() -> new AwsClients(Settings.of(Map.of("AWS_REGION", "eu-west-1",
                "SDK_CALL_TIMEOUT", "PT1S", "SDK_CALL_ATTEMPT_TIMEOUT", "PT2S"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SDK_CALL_TIMEOUT");
    }

    @Test
    void shouldFailTheCallWithAnSdkException_whenTheEndpointDoesNotAnswerInTime() throws Exception {
        HttpServer hung = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hung.createContext("/", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hung.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        hung.start();
        try {
            Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "us-east-1",
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:" + hung.getAddress().getPort(),
                    "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                    "SDK_CALL_TIMEOUT", "PT0.6S", "SDK_CALL_ATTEMPT_TIMEOUT", "PT0.25S"));
            try (var dynamo = new AwsClients(Settings.of(env)).dynamoDb()) {
                // the first call of a JVM also loads the SDK (seconds with the coverage agent on a busy machine)
                assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName("T").key(Map.of()))).isInstanceOf(SdkException.class);

                long start = System.nanoTime();
                assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName("T").key(Map.of()))).isInstanceOf(SdkException.class);
                // the call's 0.6 s, and at most one attempt under way, not the endpoint's 5 s
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            }
        } finally {
            hung.stop(0);
        }
    }
}
