package io.trackline.testkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.lambda.LambdaJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the repository's {@code events/} files (the ones {@code sam local invoke} uses) as Lambda's event beans, read the
 * way every function's Lambda entry reads its event ({@link LambdaJson}).
 */
public final class SampleEvents {
    private SampleEvents() {
    }

    /** An SQS event from {@code events/<fileName>}. */
    public static SQSEvent sqs(String fileName) {
        return sqs(Repository.event(fileName));
    }

    /** An SQS event from a file. */
    public static SQSEvent sqs(Path file) {
        return read(file, SQSEvent.class);
    }

    /** An API Gateway HTTP API (payload 2.0) event from a file. */
    public static APIGatewayV2HTTPEvent httpApi(Path file) {
        return read(file, APIGatewayV2HTTPEvent.class);
    }

    private static <T> T read(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return LambdaJson.read(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
