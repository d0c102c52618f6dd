package io.trackline.relay;

import io.trackline.aws.AwsClients;
import io.trackline.testkit.engine.EngineCloud;
import io.trackline.emulator.StreamEventSource;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.List;

/**
 * The relay function on the emulator's stream of a test's table, as Lambda's event source would run it: for this
 * module's ITs and those of the modules whose writes announce (processor, sweeper), through this module's test-jar.
 */
public final class StreamRelay {
    private final StreamEventSource source;
    private final RelayHandler handler;

    /** @param interceptors on the relay's clients (SNS publish faults, call counting) */
    public StreamRelay(EngineCloud cloud, EngineCloud.Stack stack, List<ExecutionInterceptor> interceptors) {
        this.source = StreamEventSource.of(cloud.dynamo, cloud.clients.dynamoDbStreams(), stack.table());
        this.handler = new RelayHandler(RelayWiring.from(stack.settings(), new AwsClients(stack.settings(), interceptors)));
    }

    public StreamRelay(EngineCloud cloud, EngineCloud.Stack stack) {
        this(cloud, stack, List.of());
    }

    /** Relays every change not yet relayed; returns how many times the handler was invoked. */
    public int drain() {
        return source.drain(event -> handler.handleRequest(event, null));
    }

    public int invocations() {
        return source.invocations;
    }
}
