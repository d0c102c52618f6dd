package io.trackline.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration: its environment as declared in {@code template.yaml}. In Lambda it is built from the
 * process environment; the local cloud builds it from each function's {@code Environment} with references resolved,
 * since all local functions share one JVM.
 */
public final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("setting " + name + " is missing"));
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    public int intValue(String name, int defaultValue) {
        return optional(name).map(Integer::parseInt).orElse(defaultValue);
    }

    /** A duration in ISO-8601 ({@code PT48H}, {@code P30D}). */
    public Duration duration(String name, Duration defaultValue) {
        return optional(name).map(Duration::parse).orElse(defaultValue);
    }

    public String region() {
        return optional("AWS_REGION").orElse("us-east-1");
    }

    /** Emulator or custom endpoint for every AWS service, from {@code AWS_ENDPOINT_URL}. */
    public Optional<URI> endpoint() {
        return optional("AWS_ENDPOINT_URL").map(URI::create);
    }

    Settings with(String name, String value) {
        var copy = new java.util.HashMap<>(values);
        copy.put(name, value);
        return new Settings(copy);
    }
}
