package io.trackline.local.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * A function as Lambda configures it (from the transformed template): its name and ARN, {@code Handler}, {@code MemorySize},
 * {@code Timeout}, code (the jar {@code CodeUri} names) and environment variables, references resolved.
 */
public record FunctionConfiguration(String name, String arn, String handler, int memoryMb, int timeoutSeconds, Path code,
                                    Map<String, String> environment) {
    public FunctionConfiguration {
        environment = Map.copyOf(environment);
    }
}
