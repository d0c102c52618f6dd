package io.trackline.processor;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads an SQSEvent from the events/ JSON that {@code sam local invoke} uses. (aws-lambda-java-tests' EventLoader
 * needs Joda-Time, which the build leaves out; Lambda's own field names are matched case-insensitively here.)
 */
final class SqsEvents {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SqsEvents() {
    }

    static SQSEvent load(String path) {
        try {
            return MAPPER.readValue(Path.of(path).toFile(), SQSEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
