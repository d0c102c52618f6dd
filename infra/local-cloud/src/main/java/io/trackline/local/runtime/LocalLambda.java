package io.trackline.local.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The local Lambda service: the functions it runs under Lambda's Java runtime ({@link ProcessFunction}), their logs,
 * and the directory their task roots are unzipped into. Closing it kills every function process and removes that
 * directory.
 */
public final class LocalLambda implements AutoCloseable {
    private final JavaRuntime runtime;
    private final Path workDirectory;
    private final int concurrency;
    private final Semaphore coldStartSlot;
    private final PrintStream out;
    private final Map<String, ProcessFunction> functions = new LinkedHashMap<>();

    private LocalLambda(JavaRuntime runtime, Path workDirectory, int concurrency, ColdStarts coldStarts, PrintStream out) {
        this.runtime = runtime;
        this.workDirectory = workDirectory;
        this.concurrency = concurrency;
        this.coldStartSlot = coldStarts.slot();
        this.out = out;
    }

    /** @throws JavaRuntime.RuntimeMissing when the runtime's jars are not built */
    public static LocalLambda start(Path runtimeJars, int concurrency, ColdStarts coldStarts, PrintStream out) {
        try {
            Path work = Files.createTempDirectory("trackline-lambda-");
            return new LocalLambda(new JavaRuntime(runtimeJars, work), work, concurrency, coldStarts, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the functions' task roots", e);
        }
    }

    /**
     * Creates the function; its first invocation starts its process.
     *
     * @param localEnvironment asked at each process start: the emulator's endpoint and the role's credentials
     * @throws JavaRuntime.CodeMissing when its code is not built
     */
    public synchronized ProcessFunction create(FunctionConfiguration configuration, Supplier<Map<String, String>> localEnvironment) {
        if (!Files.isRegularFile(configuration.code())) throw new JavaRuntime.CodeMissing(configuration.name(), configuration.code());
        var function = new ProcessFunction(configuration, runtime, concurrency, coldStartSlot, localEnvironment,
                new FunctionLog(configuration.name(), out));
        functions.put(configuration.name(), function);
        return function;
    }

    public synchronized Optional<ProcessFunction> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public synchronized Map<String, ProcessFunction> functions() {
        return Map.copyOf(functions);
    }

    @Override
    public synchronized void close() {
        functions.values().parallelStream().forEach(ProcessFunction::close);
        try (Stream<Path> paths = Files.walk(workDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            out.println("local cloud: could not remove " + workDirectory + ": " + e.getMessage());
        }
    }
}
