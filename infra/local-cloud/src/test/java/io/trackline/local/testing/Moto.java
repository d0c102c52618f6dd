package io.trackline.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.local.LocalCloud;

import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.trackline.local.testing.Walkthrough.json;

/** What moto records that no AWS API gives back. */
public final class Moto {
    private Moto() {
    }

    /** Every SMS published to {@code phone}: {@code /moto-api/data.json}, {@code sns.SMS[{phone_number, message, message_id}]}. */
    public static List<JsonNode> smsTo(LocalCloud cloud, String phone) {
        return sms(cloud).stream().filter(sms -> sms.path("phone_number").asText().equals(phone)).toList();
    }

    /** Every SMS published, to any number. */
    public static List<JsonNode> sms(LocalCloud cloud) {
        JsonNode data = json(Http.get(URI.create(cloud.awsEndpoint() + "/moto-api/data.json")).body());
        return StreamSupport.stream(data.path("sns").path("SMS").spliterator(), false).toList();
    }
}
