package io.trackline.local;

import io.trackline.local.runtime.ColdStarts;
import io.trackline.testkit.Repository;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to start the local cloud.
 *
 * @param port              the HTTP API's port, 0 for any free one
 * @param template          the SAM template to run
 * @param localJson         where to write the demo credentials, if anywhere
 * @param environment       the environment the emulator is chosen from ({@code AWS_ENDPOINT_URL}, {@code TRACKLINE_EMULATOR}, ...)
 * @param namePrefix        prefix of every physical name, for sharing one external emulator
 * @param visibilityTimeout replaces every queue's visibility timeout, so that a failed message is retried in seconds
 *                          rather than the template's minutes; empty keeps the template's
 * @param pollWait          the SQS long-poll wait of each event source (short, so that stopping is quick)
 * @param eventSources      whether SQS event sources are polled and schedules run on their own; without them messages
 *                          stay in their queues for inspection (schedules can still be triggered by hand)
 * @param functions         how functions run: under Lambda's Java runtime, each in its own process (make run, the
 *                          end-to-end tests), or in this JVM (the runner's own tests, whose handlers have no jar)
 * @param lambdaRuntime     the directory holding Lambda's Java runtime jars (the runtime interface client and its jars)
 * @param concurrency       execution environments (processes) per function at most
 * @param coldStarts        whether environments start together, as invocations come, or one at a time (the bench)
 */
public record LocalCloudOptions(int port, Path template, Optional<Path> localJson, Map<String, String> environment,
                                String namePrefix, Optional<Duration> visibilityTimeout, Duration pollWait,
                                boolean eventSources, Functions functions, Path lambdaRuntime, int concurrency,
                                ColdStarts coldStarts) {
    public static final int DEFAULT_PORT = 3000;
    public static final Duration LOCAL_VISIBILITY_TIMEOUT = Duration.ofSeconds(2);

    /** How the local cloud runs a function. */
    public enum Functions {
        /** Each in its own JVM under Lambda's runtime interface client, as its role, from its function.jar. */
        LAMBDA_RUNTIME,
        /** Handlers built in the local cloud's JVM, invoked with the event objects, with the emulator's credentials. */
        IN_PROCESS
    }

    /** {@code make run}'s defaults: port 3000 (or {@code TRACKLINE_PORT}), the repository's template, {@code .trackline/local.json}. */
    public static LocalCloudOptions defaults(Map<String, String> environment) {
        Path root = repositoryRoot(Path.of("").toAbsolutePath());
        int port = Optional.ofNullable(environment.get("TRACKLINE_PORT")).map(LocalCloudOptions::port).orElse(DEFAULT_PORT);
        return new LocalCloudOptions(port, root.resolve("template.yaml"), Optional.of(root.resolve(".trackline/local.json")),
                environment, "", Optional.of(LOCAL_VISIBILITY_TIMEOUT), Duration.ofSeconds(1), true, Functions.LAMBDA_RUNTIME,
                root.resolve("infra/local-cloud/target/lambda-runtime"), 1, ColdStarts.TOGETHER);
    }

    /** For tests: a free port, the repository's template, no local.json. */
    public static LocalCloudOptions forTests() {
        return defaults(System.getenv()).withPort(0).withLocalJson(Optional.empty());
    }

    static LocalCloudOptions fromCommandLine(String[] args, Map<String, String> environment) {
        LocalCloudOptions options = defaults(environment);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> options = options.withPort(port(required(args[i], value)));
                case "--template" -> options = options.withTemplate(Path.of(required(args[i], value)));
                // A second local cloud (infra/bin/smoke-local-cloud under `make test`) must not overwrite make run's file.
                case "--local-json" -> options = options.withLocalJson(Optional.of(Path.of(required(args[i], value)).toAbsolutePath()));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --port N, --template FILE, --local-json FILE)");
            }
            i++;
        }
        return options;
    }

    public LocalCloudOptions withPort(int port) {
        return new LocalCloudOptions(port, template, localJson, environment, namePrefix, visibilityTimeout, pollWait, eventSources,
                functions, lambdaRuntime, concurrency, coldStarts);
    }

    public LocalCloudOptions withTemplate(Path template) {
        return new LocalCloudOptions(port, template, localJson, environment, namePrefix, visibilityTimeout, pollWait, eventSources,
                functions, lambdaRuntime, concurrency, coldStarts);
    }

    public LocalCloudOptions withLocalJson(Optional<Path> localJson) {
        return new LocalCloudOptions(port, template, localJson, environment, namePrefix, visibilityTimeout, pollWait, eventSources,
                functions, lambdaRuntime, concurrency, coldStarts);
    }

    public LocalCloudOptions withVisibilityTimeout(Optional<Duration> visibilityTimeout) {
        return new LocalCloudOptions(port, template, localJson, environment, namePrefix, visibilityTimeout, pollWait, eventSources,
                functions, lambdaRuntime, concurrency, coldStarts);
    }

    public LocalCloudOptions withEventSources(boolean eventSources) {
        return new LocalCloudOptions(port, template, localJson, environment, namePrefix, visibilityTimeout, pollWait, eventSources,
                functions, lambdaRuntime, concurrency, coldStarts);
    }

    public LocalCloudOptions withFunctions(Functions functions) {
        return new LocalCloudOptions(port, template, localJson, environment, namePrefix, visibilityTimeout, pollWait, eventSources,
                functions, lambdaRuntime, concurrency, coldStarts);
    }

    public LocalCloudOptions withColdStarts(ColdStarts coldStarts) {
        return new LocalCloudOptions(port, template, localJson, environment, namePrefix, visibilityTimeout, pollWait, eventSources,
                functions, lambdaRuntime, concurrency, coldStarts);
    }

    /** The nearest directory upwards holding template.yaml (tests run in a module directory), else the start. */
    public static Path repositoryRoot(Path start) {
        return Repository.root(start);
    }

    private static String required(String option, String value) {
        if (value == null) throw new IllegalArgumentException(option + " needs a value");
        return value;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number from 0 to 65535, got '" + text + "'");
        }
    }
}
