package io.trackline.testkit;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Loads the repository's {@code events/} files (the ones {@code sam local invoke} uses) as Lambda's event beans. The
 * aws-lambda-java-tests loader needs Joda-Time, which the build excludes; Lambda's own field names differ from the
 * beans' only in case, so they are matched case-insensitively.
 */
public final class SampleEvents {
    private static final ObjectMapper LAMBDA_JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SampleEvents() {
    }

    /** An SQS event from {@code events/<fileName>}. */
    public static SQSEvent sqs(String fileName) {
        return sqs(Repository.event(fileName));
    }

    /** An SQS event from a file. */
    public static SQSEvent sqs(Path file) {
        try {
            return LAMBDA_JSON.readValue(file.toFile(), SQSEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
