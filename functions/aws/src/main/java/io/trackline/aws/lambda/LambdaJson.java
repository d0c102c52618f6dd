package io.trackline.aws.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Date;

/**
 * Lambda's event JSON to the aws-lambda-java-events types and the handler's answer back, with the Jackson every function
 * already loads, where Lambda's runtime would use its own serializer (aws-lambda-java-serialization: a shaded Jackson and,
 * for SQS and stream events, Joda-Time), half a second of a cold start on the 2-core machine (README "Local cloud",
 * Figures). The events' JSON names differ from their Java properties only in case ({@code Records}, {@code eventSourceARN},
 * a stream image's {@code S}, {@code SS}, {@code NULL}, {@code BOOL}), so property names match ignoring case; and the one
 * {@link Date} among them, a stream record's {@code ApproximateCreationDateTime}, comes in epoch seconds, as the
 * runtime's serializer reads it. No event class is named here: a function's jar carries only the event classes it
 * receives (the notifier's only SQS's). {@code LambdaJsonTest} reads sample events of every type Trackline receives
 * with both and compares the objects, and the answers' JSON.
 */
public final class LambdaJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule().addDeserializer(Date.class, new EpochSeconds()))
            .build();

    private LambdaJson() {
    }

    public static <T> T read(InputStream event, Class<T> type) throws IOException {
        return MAPPER.readValue(event, type);
    }

    public static void write(Object answer, OutputStream out) throws IOException {
        MAPPER.writeValue(out, answer);
    }

    private static final class EpochSeconds extends StdDeserializer<Date> {
        EpochSeconds() {
            super(Date.class);
        }

        @Override
        public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return new Date((long) (parser.getDoubleValue() * 1000));
        }
    }
}
