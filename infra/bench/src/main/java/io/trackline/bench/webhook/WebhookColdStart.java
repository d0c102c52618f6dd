package io.trackline.bench.webhook;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.emulator.Emulator;
import io.trackline.webhook.http.nativejson.StandardWebhooksSignature;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The webhook function's cold start: starts moto, creates the ingest queue and the secret, then {@value #RUNS} times
 * starts a fresh JVM on {@code functions/webhook/target/function.jar} that handles one signed native webhook
 * ({@link ColdStartProbe}), and prints the time from process start to the response line (target < 1.5 s) and the jar's
 * size (target < 12 MB). Run from the repository root after {@code mvn package}:
 * {@code java -cp infra/bench/target/benchmarks.jar io.trackline.bench.webhook.WebhookColdStart [JVM flags]}
 * (default: the flags template.yaml gives every function).
 */
public final class WebhookColdStart {
    static final int RUNS = 5;

    private WebhookColdStart() {
    }

    /** template.yaml's Globals set these through JAVA_TOOL_OPTIONS, so Lambda's JVM starts with them too. */
    static final String[] LAMBDA_FLAGS = {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"};

    public static void main(String[] args) throws Exception {
        String[] jvmFlags = args.length == 0 ? LAMBDA_FLAGS : args;
        System.out.println("JVM flags: " + String.join(" ", jvmFlags));
        Path jar = Path.of("functions/webhook/target/function.jar");
        Path probeClasses = Path.of("infra/bench/target/classes");
        System.out.printf("function.jar: %.2f MB%n", Files.size(jar) / (1024.0 * 1024.0));
        try (Emulator emulator = Emulator.start()) {
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL", emulator.endpoint().toString(), "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
            AwsClients aws = new AwsClients(Settings.of(env));
            String queueUrl = aws.sqs().createQueue(b -> b.queueName("IngestQueue")).queueUrl();
            String secretArn = aws.secretsManager().createSecret(b -> b.name("WebhookSecrets")
                    .secretString("{\"native\":[\"" + WebhookIngestBenchmark.SECRETS.get("native") + "\"]}")).arn();
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Path event = signedEvent();
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
                command.addAll(List.of(jvmFlags));
                command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + probeClasses,
                        ColdStartProbe.class.getName(), event.toString()));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                builder.environment().putAll(env);
                builder.environment().put("INGEST_QUEUE_URL", queueUrl);
                builder.environment().put("WEBHOOK_SECRETS_ARN", secretArn);
                long start = System.nanoTime();
                Process process = builder.start();
                String response = responseLine(process);
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                process.waitFor();
                millis.add(elapsed);
                System.out.printf("run %d: %d ms  %s%n", run + 1, elapsed, response);
            }
            System.out.printf("JVM start to first response: min %d ms, median %d ms, max %d ms%n",
                    millis.stream().min(Long::compare).orElseThrow(), millis.stream().sorted().toList().get(RUNS / 2),
                    millis.stream().max(Long::compare).orElseThrow());
        }
    }

    private static String responseLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("RESPONSE")) return line;
        }
        throw new IllegalStateException("the probe ended without a response (exit " + process.waitFor() + ")");
    }

    /** An API Gateway event with a native webhook signed now (its signature is valid for 5 minutes). */
    private static Path signedEvent() throws Exception {
        byte[] body = WebhookIngestBenchmark.payload("native");
        long now = Instant.now().getEpochSecond();
        String id = "msg_cold_" + System.nanoTime();
        String signature = StandardWebhooksSignature.sign(WebhookIngestBenchmark.SECRETS.get("native"), id, now, body);
        String event = """
                {"routeKey":"POST /v1/webhooks/{source}","pathParameters":{"source":"native"},"isBase64Encoded":false,
                 "headers":{"content-type":"application/json","webhook-id":"%s","webhook-timestamp":"%d","webhook-signature":"%s"},
                 "body":%s}""".formatted(id, now, signature,
                io.trackline.aws.Json.mapper().writeValueAsString(new String(body, StandardCharsets.UTF_8)));
        Path file = Files.createTempFile("webhook-cold-start-", ".json");
        Files.writeString(file, event);
        file.toFile().deleteOnExit();
        return file;
    }
}
