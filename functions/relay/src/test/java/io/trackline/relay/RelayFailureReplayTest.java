package io.trackline.relay;

import io.trackline.aws.Settings;
import io.trackline.relay.adapter.streams.FailedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's endpoint choice and its report lines (no AWS). */
class RelayFailureReplayTest {
    private static final String LOCAL_QUEUE = "http://localhost:4566/123456789012/RelayFailureQueue";

    @TempDir
    Path dir;

    @Test
    void shouldTakeTheLocalCloudsEndpoint_whenTheQueueIsLocalAndTheEnvironmentNamesNone() throws IOException {
        // given
        Path localJson = localJson("http://localhost:4566", "eu-west-1");
        // when
        Settings settings = RelayFailureReplay.settings(LOCAL_QUEUE, Map.of("SUPPORT_TOPIC_ARN", "t"), localJson);
        // then
        assertThat(settings.endpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.required("AWS_ACCESS_KEY_ID")).isEqualTo("test");
        assertThat(settings.required("SUPPORT_TOPIC_ARN")).isEqualTo("t");
    }

    @Test
    void shouldKeepTheEnvironmentsEndpoint_whenItNamesOne() throws IOException {
        Settings settings = RelayFailureReplay.settings(LOCAL_QUEUE, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"),
                localJson("http://localhost:4566", "us-east-1"));
        assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:5000"));
    }

    @Test
    void shouldUseTheDefaultChain_whenTheQueueIsInAws() throws IOException {
        Settings settings = RelayFailureReplay.settings("https://sqs.us-east-1.amazonaws.com/123456789012/RelayFailureQueue",
                Map.of("AWS_REGION", "us-east-1"), localJson("http://localhost:4566", "us-east-1"));
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.optional("AWS_ACCESS_KEY_ID")).isEmpty();
    }

    @Test
    void shouldPrintIdsAndTheRangeOnly_whenReportingAReplay() {
        var batch = new FailedBatch("arn:s", "shardId-1", "11", "19", 3, "RecordAgeExceeded");
        assertThat(RelayFailureReplay.line(new RelayFailureReplay.Replayed("m-1", batch, 3, List.of("e-1", "e-2"), null)))
                .isEqualTo("m-1\tshard shardId-1 11..19 (RecordAgeExceeded)\treplayed 3 record(s), published 2: e-1 e-2");
        assertThat(RelayFailureReplay.line(new RelayFailureReplay.Replayed("m-2", batch, 1, List.of("e-1"),
                "record r-2 not published: throttled")))
                .isEqualTo("m-2\tshard shardId-1 11..19 (RecordAgeExceeded)\tKEPT: record r-2 not published: throttled;"
                        + " published before that: e-1");
        assertThat(RelayFailureReplay.line(new RelayFailureReplay.Replayed("m-3", batch, 1, List.of(), null)))
                .endsWith("\treplayed 1 record(s), published 0");
    }

    private Path localJson(String endpoint, String region) throws IOException {
        return Files.writeString(dir.resolve("local.json"),
                "{\"apiUrl\": \"http://localhost:3000\", \"awsEndpoint\": \"" + endpoint + "\", \"region\": \"" + region + "\"}");
    }
}
