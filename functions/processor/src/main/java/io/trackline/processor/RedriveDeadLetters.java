package io.trackline.processor;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.processor.adapter.dynamodb.DeadLetterReasons;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves messages from a DLQ back to its source queue, printing each message id with the reason it failed. In AWS,
 * {@code aws sqs start-message-move-task} does the same; this command also works on the local emulator (moto has no
 * message-move tasks). Run it with {@code infra/bin/redrive-dlq <dlq-url> <queue-url> [max]}.
 */
public final class RedriveDeadLetters {
    private final SqsClient sqs;
    private final DeadLetterReasons reasons;

    public RedriveDeadLetters(SqsClient sqs, DeadLetterReasons reasons) {
        this.sqs = sqs;
        this.reasons = reasons;
    }

    public record Moved(String messageId, String reason) {
    }

    /** Send first, then delete: a crash in between leaves a copy in both queues, which the processor applies once. */
    public List<Moved> redrive(String deadLetterQueueUrl, String queueUrl, int max) {
        List<Moved> moved = new ArrayList<>();
        while (moved.size() < max) {
            int want = Math.min(10, max - moved.size());
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl).maxNumberOfMessages(want)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) break;
            for (Message message : batch) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.body())
                        .messageAttributes(message.messageAttributes()));
                sqs.deleteMessage(b -> b.queueUrl(deadLetterQueueUrl).receiptHandle(message.receiptHandle()));
                moved.add(new Moved(message.messageId(), reasons.reason(message.messageId()).orElse("unknown")));
            }
        }
        return moved;
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: redrive-dlq <dead-letter-queue-url> <queue-url> [max messages, default 1000]");
            System.exit(2);
        }
        Settings settings = Settings.fromEnvironment();
        AwsClients clients = new AwsClients(settings);
        var command = new RedriveDeadLetters(clients.sqs(),
                new DeadLetterReasons(clients.dynamoDb(), settings.required("TABLE_NAME"), Clock.systemUTC()));
        List<Moved> moved = command.redrive(args[0], args[1], args.length > 2 ? Integer.parseInt(args[2]) : 1000);
        moved.forEach(m -> System.out.println(m.messageId() + "\t" + m.reason()));
        System.out.println("moved " + moved.size() + " message(s)");
    }
}
