package io.trackline.local;

import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.local.runtime.DeploymentPackage;
import io.trackline.local.runtime.FunctionLog;
import io.trackline.local.testing.BrokenTemplate;
import io.trackline.local.testing.Eventually;
import io.trackline.local.testing.Http;
import io.trackline.local.testing.HungryHandler;
import io.trackline.local.testing.SlowHandler;
import io.trackline.local.testing.VendorWebhooks;
import io.trackline.testkit.cloud.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's proofs that the local cloud fails where AWS fails: each test starts it from a deliberately broken copy of
 * template.yaml, functions under Lambda's runtime as their roles.
 */
class FaultsIT {
    private static final Duration DEAD_LETTERED = Duration.ofSeconds(90);
    /**
     * The ingest queue's maxReceiveCount in these broken templates (the template's is 5): receives enough to show a
     * retry before the dead letter, each retry of the slow handler a new process, at 2 s a receive locally.
     */
    private static final int RECEIVES = 2;

    /**
     * The processor's policy without {@code dynamodb:Query} (its DynamoDBCrudPolicy written out, less that action), and
     * the API's {@code Handler} naming a class its jar does not have.
     */
    @Test
    void shouldDenyTheCallAndDeadLetterTheMessageWithTheReason_whenAPolicyLacksAnAction_andFailWithClassNotFound_whenTheHandlerNamesNoClass(
            @TempDir Path directory) {
        Path template = withIngestReceives(BrokenTemplate.ofRepository())
                .replace("(CodeUri: \\S*functions/processor/target/function\\.jar\\n(?:.*\\n)*?      Policies:\\n)        - DynamoDBCrudPolicy:\\n            TableName: !Ref TrackingTable\\n",
                        "$1        - Statement:\n            - Effect: Allow\n              Action: [dynamodb:GetItem, dynamodb:DeleteItem, dynamodb:PutItem, "
                                + "dynamodb:Scan, dynamodb:UpdateItem, dynamodb:BatchWriteItem, dynamodb:BatchGetItem, dynamodb:DescribeTable, "
                                + "dynamodb:ConditionCheckItem]\n              Resource: [!GetAtt TrackingTable.Arn, !Sub \"\\${TrackingTable.Arn}/index/*\"]\n")
                .replace("(CodeUri: \\S*functions/api/target/function\\.jar\\n      Handler: )\\S+", "$1io.trackline.api.NoSuchHandler::handleRequest")
                .writeTo(directory);
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTests().withTemplate(template));
             LocalAws aws = new LocalAws(cloud.awsEndpoint(), "us-east-1", cloud.demo().awsAccessKeyId(), cloud.demo().awsSecretAccessKey())) {
            // when a carrier posts a scan (the processor looks the package's claims up first, with Query)
            // then the processor's calls are denied, as AWS denies them, and the message ends in the DLQ with the reason
            Message dead = deadLetterOfScan(cloud, aws, "FAULT1");
            // (moto denies with an XML AccessDenied that the SDK's JSON protocol cannot read: the function sees the 403)
            assertThat(log(cloud, "ProcessorFunction")).anyMatch(line -> line.contains("DynamoDbException")
                    && line.contains("Status Code: 403"));
            var reason = aws.dynamoDb().getItem(b -> b.tableName(cloud.stack().tables().get("TrackingTable"))
                    .key(TrackingTable.failedMessageKey(dead.messageId()))).item().get("reason");
            assertThat(reason.s()).contains("Status Code: 403");

            // and a route of the API answers 500, its function failing as Lambda's runtime reports a missing class
            var answer = Http.get(cloud.apiUrl().resolve("/v1/openapi.json"));
            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(answer.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
            // (the runtime logs the fault after reporting it, so the line may follow the answer)
            Eventually.await("ApiFunction's log names the missing class", Duration.ofSeconds(10), () -> log(cloud, "ApiFunction"),
                    log -> log.stream().anyMatch(line -> line.contains("Class not found: io.trackline.api.NoSuchHandler")));
        }
    }

    /**
     * The processor replaced by a handler that takes 30 s, with a Timeout of 1 s; the sweeper by one that takes 200 MB,
     * with a MemorySize of 128.
     */
    @Test
    void shouldKillRetryThenDeadLetter_whenTheFunctionOutlivesItsTimeout_andKillIt_whenItOutgrowsItsMemorySize(
            @TempDir Path directory) throws IOException {
        Path template = withIngestReceives(BrokenTemplate.ofRepository())
                .replace("CodeUri: \\S*functions/processor/target/function\\.jar\\n      Handler: \\S+",
                        "CodeUri: " + DeploymentPackage.of(directory, SlowHandler.class, List.of()) + "\n      Handler: " + SlowHandler.class.getName()
                                + "::handleRequest\n      Timeout: 1")
                .replace("CodeUri: \\S*functions/sweeper/target/function\\.jar\\n      Handler: \\S+",
                        "CodeUri: " + DeploymentPackage.of(directory, HungryHandler.class, List.of()) + "\n      Handler: " + HungryHandler.class.getName()
                                + "::handleRequest\n      MemorySize: 128")
                .writeTo(directory);
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTests().withTemplate(template));
             LocalAws aws = new LocalAws(cloud.awsEndpoint(), "us-east-1", cloud.demo().awsAccessKeyId(), cloud.demo().awsSecretAccessKey())) {
            // when a scan reaches the ingest queue
            // then every invocation is killed at 1 s and the message, received maxReceiveCount (RECEIVES) times, is dead-lettered
            Message dead = deadLetterOfScan(cloud, aws, "FAULT2");
            assertThat(dead.body()).contains("FAULT2");
            List<String> log = log(cloud, "ProcessorFunction");
            assertThat(log.stream().filter(line -> line.matches(".* Task timed out after 1\\.00 seconds"))).hasSize(RECEIVES);
            // each retry started a new process (the killed one is gone): a cold start, and its REPORT says timeout
            assertThat(log.stream().filter(line -> line.startsWith("REPORT ") && line.contains("Init Duration")
                    && line.endsWith("Status: timeout"))).hasSize(RECEIVES);

            // when the sweeper's schedule runs it
            var run = Http.post(cloud.apiUrl().resolve("/local/schedules/SweeperFunction"), "application/json", new byte[0]);
            // then its environment is stopped as it passes 128 MB, reported as Lambda reports it, and its run fails
            assertThat(run.statusCode()).as(run.body()).isEqualTo(500);
            assertThat(run.body()).contains("Runtime exited with error: signal: killed");
            assertThat(log(cloud, "SweeperFunction")).anyMatch(line -> line.startsWith("REPORT ")
                    && line.contains("Memory Size: 128 MB\tMax Memory Used: 128 MB")
                    && line.endsWith("Status: error\tError Type: Runtime.OutOfMemory"));
        }
    }

    private static BrokenTemplate withIngestReceives(BrokenTemplate template) {
        return template.replace("(deadLetterTargetArn: !GetAtt IngestDeadLetterQueue\\.Arn\\n\\s+maxReceiveCount: )5", "$1" + RECEIVES);
    }

    /** Posts a signed scan of the tracking number and waits for its ingest message in the ingest DLQ. */
    private static Message deadLetterOfScan(LocalCloud cloud, LocalAws aws, String trackingNumber) {
        var accepted = new VendorWebhooks(cloud).post("native", VendorWebhooks.payload("native", "dhl", trackingNumber, Instant.now()));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String deadLetters = cloud.stack().queue("IngestDeadLetterQueue").url();
        return Eventually.await("the scan of " + trackingNumber + " in IngestDeadLetterQueue", DEAD_LETTERED,
                () -> aws.sqs().receiveMessage(r -> r.queueUrl(deadLetters).waitTimeSeconds(1)).messages(),
                m -> !m.isEmpty()).getFirst();
    }

    private static List<String> log(LocalCloud cloud, String function) {
        return cloud.log(function).map(FunctionLog::lines).orElseThrow();
    }
}
