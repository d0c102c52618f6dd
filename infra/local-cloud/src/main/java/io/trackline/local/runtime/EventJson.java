package io.trackline.local.runtime;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackline.aws.Json;

import java.io.ByteArrayOutputStream;

/**
 * An event as the service sends it to Lambda: JSON in AWS's shape ({@code Records}, {@code eventSourceARN},
 * DynamoDB's typed attribute values, ...). The event library's objects (SQS, DynamoDB stream, HTTP API) are written by
 * aws-lambda-java-serialization, the mapping the runtime reads them back with; anything else (a scheduled event's map)
 * is plain JSON.
 */
final class EventJson {
    private EventJson() {
    }

    @SuppressWarnings("unchecked")
    static byte[] of(Object event) {
        if (event.getClass().getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
            var out = new ByteArrayOutputStream();
            LambdaEventSerializers.serializerFor((Class<Object>) event.getClass(), EventJson.class.getClassLoader()).toJson(event, out);
            return out.toByteArray();
        }
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an event must be JSON-serialisable", e);
        }
    }
}
