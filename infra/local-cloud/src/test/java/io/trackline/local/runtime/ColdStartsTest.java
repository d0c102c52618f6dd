package io.trackline.local.runtime;

import io.trackline.local.testing.SleepingHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Two functions invoked cold at the same instant, each sleeping a second in its first invocation. */
class ColdStartsTest {
    /** The runtime's jars as the build copies them (process-resources). */
    private static final Path RUNTIME_JARS = Path.of("target", "lambda-runtime");
    private static final Map<String, Object> SLEEP = Map.of("sleepMillis", 1000);

    @Test
    void shouldStartTheSecondEnvironmentOnlyAfterTheFirstColdStartEnds_whenColdStartsAreOneAtATime(@TempDir Path work) throws IOException {
        ColdStartPair pair = coldStartTwo(ColdStarts.ONE_AT_A_TIME, work);

        assertThat(pair.elapsedMs()).as("nothing of one cold start overlaps the other").isGreaterThanOrEqualTo(pair.coldStartsMs());
    }

    @Test
    void shouldStartBothEnvironmentsAtOnce_whenColdStartsAreTogether(@TempDir Path work) throws IOException {
        ColdStartPair pair = coldStartTwo(ColdStarts.TOGETHER, work);

        assertThat(pair.elapsedMs()).as("the two first invocations' sleeps overlap").isLessThan(pair.coldStartsMs());
    }

    private static ColdStartPair coldStartTwo(ColdStarts coldStarts, Path work) throws IOException {
        Path code = DeploymentPackage.of(work, SleepingHandler.class, List.of());
        try (LocalLambda lambda = LocalLambda.start(RUNTIME_JARS, 1, coldStarts, new PrintStream(OutputStream.nullOutputStream()))) {
            List<ProcessFunction> functions = List.of(function(lambda, "First", code), function(lambda, "Second", code));
            long start = System.nanoTime();
            functions.stream().map(f -> CompletableFuture.runAsync(() -> f.invoke(SLEEP))).toList().forEach(CompletableFuture::join);
            double elapsedMs = (System.nanoTime() - start) / 1e6;
            double coldStartsMs = functions.stream().flatMap(f -> f.log().lines().stream()).flatMap(line -> Report.parse(line).stream())
                    .mapToDouble(report -> report.initDurationMs().orElseThrow() + report.durationMs()).sum();
            return new ColdStartPair(elapsedMs, coldStartsMs);
        }
    }

    private static ProcessFunction function(LocalLambda lambda, String name, Path code) {
        return lambda.create(new FunctionConfiguration(name, "arn:aws:lambda:us-east-1:123456789012:function:" + name,
                SleepingHandler.class.getName() + "::handleRequest", 256, 10, code, Map.of()), Map::of);
    }

    /** The wall time of both invocations, and the sum of their cold starts (Init Duration + Duration) as REPORTed. */
    private record ColdStartPair(double elapsedMs, double coldStartsMs) {
    }
}
