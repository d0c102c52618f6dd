package io.trackline.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.local.lambda.LocalFunction;
import io.trackline.local.lambda.RuntimeJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A function run as Lambda runs it: each invocation in an execution environment ({@link Sandbox}) of its own process
 * under Lambda's Java runtime, the event as JSON, the result as the runtime serialised it. Up to {@code concurrency}
 * environments, each started on first need and then reused; an invocation waits for a free one (Lambda would throttle).
 */
public final class ProcessFunction implements LocalFunction, AutoCloseable {
    private final FunctionConfiguration configuration;
    private final FunctionLog log;
    private final BlockingQueue<Sandbox> idle;
    private final List<Sandbox> all = new ArrayList<>();

    ProcessFunction(FunctionConfiguration configuration, JavaRuntime runtime, int concurrency, Semaphore coldStartSlot,
                    Supplier<Map<String, String>> localEnvironment, FunctionLog log) {
        this.configuration = configuration;
        this.log = log;
        this.idle = new ArrayBlockingQueue<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Sandbox sandbox = new Sandbox(configuration, runtime, localEnvironment, log, coldStartSlot);
            all.add(sandbox);
            idle.add(sandbox);
        }
    }

    @Override
    public String name() {
        return configuration.name();
    }

    @Override
    public String arn() {
        return configuration.arn();
    }

    public FunctionConfiguration configuration() {
        return configuration;
    }

    public FunctionLog log() {
        return log;
    }

    /** @return the function's result as JSON, or null when it returned nothing */
    @Override
    public JsonNode invoke(Object event) {
        byte[] payload = EventJson.of(event);
        Sandbox sandbox;
        try {
            sandbox = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionFailed(name(), "interrupted while waiting for a free execution environment", e);
        }
        Outcome outcome;
        try {
            outcome = sandbox.invoke(UUID.randomUUID().toString(), payload);
        } finally {
            idle.add(sandbox);
        }
        return switch (outcome) {
            case Outcome.Success success -> result(success.payload());
            case Outcome.Failure failure -> throw new FunctionFailed(name(), failure.errorType() + ": " + failure.errorMessage(), null);
        };
    }

    private JsonNode result(byte[] payload) {
        if (payload.length == 0) return null;
        try {
            JsonNode result = RuntimeJson.mapper().readTree(payload);
            return result == null || result.isNull() ? null : result;
        } catch (IOException e) {
            throw new FunctionFailed(name(), "its result is not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        all.forEach(Sandbox::close);
    }
}
