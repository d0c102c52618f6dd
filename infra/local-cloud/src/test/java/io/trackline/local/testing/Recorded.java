package io.trackline.local.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.Settings;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test handlers saw; the local cloud runs them in this JVM, so tests read it directly. */
public final class Recorded {
    public static final List<APIGatewayV2HTTPEvent> httpEvents = new CopyOnWriteArrayList<>();
    /** One entry per delivery: the function, the message body and its ApproximateReceiveCount. */
    public static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    public static final List<SQSEvent.SQSMessage> messages = new CopyOnWriteArrayList<>();
    public static final List<Map<String, Object>> ticks = new CopyOnWriteArrayList<>();
    public static final Map<String, Settings> settings = new ConcurrentHashMap<>();
    /** The partition key of each stream record delivered, in delivery order. */
    public static final List<String> streamRecords = new CopyOnWriteArrayList<>();

    public record Delivery(String function, String body, int receiveCount) {
    }

    private Recorded() {
    }

    public static void clear() {
        httpEvents.clear();
        deliveries.clear();
        messages.clear();
        ticks.clear();
        streamRecords.clear();
    }

    public static List<Delivery> deliveriesOf(String body) {
        return deliveries.stream().filter(d -> d.body().equals(body)).toList();
    }
}
