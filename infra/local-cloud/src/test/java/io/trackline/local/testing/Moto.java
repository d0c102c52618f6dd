package io.trackline.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.local.LocalCloud;
import io.trackline.testkit.cloud.MotoData;

import java.util.List;

/** What moto records that no AWS API gives back. */
public final class Moto {
    private Moto() {
    }

    /** Every SMS published to {@code phone} ({@link MotoData}). */
    public static List<JsonNode> smsTo(LocalCloud cloud, String phone) {
        return MotoData.smsTo(cloud.awsEndpoint(), phone);
    }

    /** Every SMS published, to any number. */
    public static List<JsonNode> sms(LocalCloud cloud) {
        return MotoData.sms(cloud.awsEndpoint());
    }
}
