package io.trackline.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Json;
import io.trackline.aws.Settings;
import io.trackline.relay.adapter.streams.FailedBatch;
import io.trackline.relay.adapter.streams.GivenUpRecords;
import io.trackline.relay.application.OrderedRelay;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the stream records the relay gave up: for each on-failure record in {@code RelayFailureQueue}
 * ({@link FailedBatch}), reads its range back from the stream and runs it through the relay's own publishing
 * ({@link OrderedRelay}), then deletes the message. A message is kept when its records are no longer in the stream
 * (trimmed after 24 hours), when it is not an on-failure record, or when a publish fails again; a kept message is
 * visible again when the run ends, for the next run. What a failed record had published before it was given up goes
 * out again with the same event id, which subscribers deduplicate. Run it with
 * {@code infra/bin/replay-relay-failures <relay-failure-queue-url> [max]}.
 */
public final class RelayFailureReplay {
    /** Long enough for one message's replay; a kept message is made visible again at the end of the run anyway. */
    private static final int VISIBILITY_SECONDS = 300;

    private final SqsClient sqs;
    private final GivenUpRecords stream;
    private final OrderedRelay relay;

    public RelayFailureReplay(SqsClient sqs, DynamoDbStreamsClient streams, OrderedRelay relay) {
        this.sqs = sqs;
        this.stream = new GivenUpRecords(streams);
        this.relay = relay;
    }

    /**
     * What became of one on-failure record.
     *
     * @param batch     what it names, or null when the message is not an on-failure record
     * @param records   the stream records replayed (up to the one that failed)
     * @param published ids of the announcements published, in order
     * @param kept      why the message stays in the queue, or null when it was deleted
     */
    public record Replayed(String messageId, FailedBatch batch, int records, List<String> published, String kept) {
        public boolean deleted() {
            return kept == null;
        }
    }

    public List<Replayed> replay(String queueUrl, int max) {
        List<Replayed> done = new ArrayList<>();
        List<Message> kept = new ArrayList<>();
        try {
            while (done.size() < max) {
                int want = Math.min(10, max - done.size());
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(want)
                        .waitTimeSeconds(1).visibilityTimeout(VISIBILITY_SECONDS)).messages();
                if (batch.isEmpty()) break;
                for (Message message : batch) {
                    Replayed replayed = replay(message);
                    if (replayed.deleted()) {
                        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                    } else {
                        kept.add(message);
                    }
                    done.add(replayed);
                }
            }
        } finally {
            // Received in this run only once (they stayed invisible), visible again for the next run and the alarm.
            kept.forEach(m -> sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())
                    .visibilityTimeout(0)));
        }
        return done;
    }

    private Replayed replay(Message message) {
        FailedBatch batch;
        try {
            batch = FailedBatch.parse(message.body());
        } catch (IllegalArgumentException e) {
            return new Replayed(message.messageId(), null, 0, List.of(), e.getMessage());
        }
        GivenUpRecords.Read read;
        try {
            read = stream.read(batch);
        } catch (SdkException e) {
            return new Replayed(message.messageId(), batch, 0, List.of(), "stream not read: " + e.getMessage());
        }
        return switch (read) {
            case GivenUpRecords.Missing missing -> new Replayed(message.messageId(), batch, 0, List.of(), missing.why());
            case GivenUpRecords.Found found -> {
                OrderedRelay.Outcome outcome = relay.relay(found.changes());
                yield new Replayed(message.messageId(), batch, outcome.relayed(), outcome.published(), outcome.complete()
                        ? null
                        : "record " + outcome.failed().eventId() + " not published: " + outcome.error().getMessage());
            }
        };
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: replay-relay-failures <relay-failure-queue-url> [max messages, default 1000]");
            System.exit(2);
        }
        Settings settings = settings(args[0], System.getenv(), Path.of(".trackline/local.json"));
        AwsClients clients = new AwsClients(settings);
        var command = new RelayFailureReplay(clients.sqs(), clients.dynamoDbStreams(),
                RelayWiring.toTopics(settings, clients.sns()));
        List<Replayed> replayed = command.replay(args[0], args.length > 1 ? Integer.parseInt(args[1]) : 1000);
        replayed.forEach(r -> System.out.println(line(r)));
        long kept = replayed.stream().filter(r -> !r.deleted()).count();
        System.out.println("replayed " + (replayed.size() - kept) + " failure record(s), kept " + kept);
        if (kept > 0) System.exit(1);
    }

    /** Event ids and sequence numbers only: the announcements themselves carry personal data. */
    static String line(Replayed r) {
        String where = r.batch() == null ? "" : "\tshard " + r.batch().shardId() + " " + r.batch().startSequenceNumber()
                + ".." + r.batch().endSequenceNumber() + " (" + r.batch().condition() + ")";
        String what = r.deleted()
                ? "\treplayed " + r.records() + " record(s), published " + r.published().size()
                + (r.published().isEmpty() ? "" : ": " + String.join(" ", r.published()))
                : "\tKEPT: " + r.kept() + (r.published().isEmpty() ? "" : "; published before that: "
                + String.join(" ", r.published()));
        return r.messageId() + where + what;
    }

    /**
     * The environment's settings (the default credential chain and region in AWS). A queue on this machine is the
     * local cloud's: without {@code AWS_ENDPOINT_URL}, its endpoint and region come from {@code .trackline/local.json},
     * with the emulator's demo credentials.
     */
    static Settings settings(String queueUrl, Map<String, String> environment, Path localJson) {
        Map<String, String> values = new HashMap<>(environment);
        String host = URI.create(queueUrl).getHost();
        boolean local = "localhost".equals(host) || (host != null && host.startsWith("127."));
        if (local && !environment.containsKey("AWS_ENDPOINT_URL") && Files.isReadable(localJson)) {
            try {
                JsonNode cloud = Json.mapper().readTree(localJson.toFile());
                values.put("AWS_ENDPOINT_URL", cloud.path("awsEndpoint").asText());
                values.put("AWS_REGION", cloud.path("region").asText("us-east-1"));
                values.putIfAbsent("AWS_ACCESS_KEY_ID", "test");
                values.putIfAbsent("AWS_SECRET_ACCESS_KEY", "test");
            } catch (IOException e) {
                throw new IllegalStateException(localJson + " is not readable JSON: " + e.getMessage(), e);
            }
        }
        return Settings.of(values);
    }
}
