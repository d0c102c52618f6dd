package io.trackline.notifier;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Loads the repository's {@code events/} files (the ones {@code sam local invoke} uses). The aws-lambda-java-tests
 * loader needs Joda-Time, which the build excludes; Lambda's own field names differ from the beans' only in case.
 */
public final class SampleEvents {
    private static final ObjectMapper LAMBDA_JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SampleEvents() {
    }

    public static SQSEvent sqs(String fileName) {
        try {
            return LAMBDA_JSON.readValue(Path.of("../../events", fileName).toFile(), SQSEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
