package io.trackline.local.testing;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What is in the local cloud's queues, read through the SDK. */
public final class Queues {
    private Queues() {
    }

    /** Every message in the queue: waiting, being handled (in flight) or delayed. */
    public static int messages(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    /**
     * Waits until every queue is empty on two reads in a row, in order: a queue's message is deleted only after its
     * handler returned, so whatever it sent on to the next queue is there by then.
     */
    public static void awaitDrained(SqsClient sqs, Duration within, String... queueUrls) {
        int[] emptyReads = {0};
        Eventually.await("queues drained: " + String.join(", ", queueUrls), within, () -> {
            boolean empty = Arrays.stream(queueUrls).allMatch(url -> messages(sqs, url) == 0);
            emptyReads[0] = empty ? emptyReads[0] + 1 : 0;
            return emptyReads[0];
        }, reads -> reads >= 2);
    }

    /** Receives and deletes whatever the queue holds now (a consumer's view), returning the bodies. */
    public static List<String> take(SqsClient sqs, String queueUrl) {
        List<String> bodies = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            for (Message message : batch) {
                bodies.add(message.body());
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return bodies;
    }
}
