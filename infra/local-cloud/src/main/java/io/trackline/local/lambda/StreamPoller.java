package io.trackline.local.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.trackline.aws.log.Log;
import io.trackline.emulator.StreamEventSource;

import java.time.Duration;

/**
 * A DynamoDB stream event source mapping as Lambda runs it, on the emulator's stream ({@link StreamEventSource}):
 * filtered records never reach the function; with {@code ReportBatchItemFailures} the function's first failed sequence
 * number is where the next batch starts; a batch given up after the retry limit goes to the on-failure queue. Idle
 * polls wait {@code idle} (the stream has no long poll).
 */
public final class StreamPoller implements AutoCloseable {
    private static final Log LOG = Log.of(StreamPoller.class);

    private final LocalFunction function;
    private final StreamEventSource source;
    private final boolean reportBatchItemFailures;
    private final PollingLoop loop;

    public StreamPoller(LocalFunction function, StreamEventSource source, boolean reportBatchItemFailures,
                        String table, Duration idle) {
        this.function = function;
        this.source = source;
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.loop = new PollingLoop("stream-" + table + "-" + function.name(), () -> source.pollOnce(this::invoke),
                idle, Duration.ZERO);
    }

    public StreamPoller start() {
        loop.start();
        return this;
    }

    /** A function error is rethrown: the event source retries the batch from its first record. */
    private StreamsEventResponse invoke(DynamodbEvent event) {
        Object result;
        try {
            result = function.invoke(event);
        } catch (LocalFunction.FunctionFailed e) {
            LOG.error("function failed, the batch will be retried", "function", function.name(),
                    "records", event.getRecords().size(), "error", e.getMessage());
            throw e;
        }
        if (!reportBatchItemFailures || result == null) return new StreamsEventResponse();
        return result instanceof StreamsEventResponse r ? r : RuntimeJson.mapper().convertValue(result, StreamsEventResponse.class);
    }

    @Override
    public void close() {
        loop.close();
    }
}
