package io.trackline.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Lambda's {@code java21} managed runtime, on this machine: how it starts a function's process. The JVM runs the runtime
 * interface client ({@code AWSLambda}, the handler string as its argument) on the runtime's jars alone
 * ({@code /var/runtime/lib}: the client, aws-lambda-java-core, aws-lambda-java-serialization), in the task root
 * ({@code /var/task}) where the function's jar is unzipped, with the runtime's JVM options (heap 85 % of
 * {@code MemorySize}, serial GC, tiered compilation stopped at level 1) and Lambda's reserved environment variables.
 * Differences from AWS: the JDK is this machine's (README "Local cloud"), the process is not confined, and the client's
 * JNI library is unpacked once for every process ({@link #unpackJniLibrary}).
 */
public final class JavaRuntime {
    static final String ENTRY = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The client's own property: the JNI library to load instead of the one it unpacks to /tmp. */
    static final String JNI_LIBRARY_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final Path javaExecutable;
    private final Path runtimeJars;
    private final Path workDirectory;
    private final int javaFeature;
    private final Path jniLibrary;

    /**
     * @param runtimeJars   the directory holding the runtime interface client and its jars
     * @param workDirectory where task roots are unzipped (one per function)
     */
    public JavaRuntime(Path runtimeJars, Path workDirectory) {
        this.javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
        this.runtimeJars = runtimeJars;
        this.workDirectory = workDirectory;
        this.javaFeature = java.lang.Runtime.version().feature();
        Path client;
        try (Stream<Path> jars = Files.list(runtimeJars)) {
            client = jars.filter(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no runtime interface client in " + runtimeJars));
        } catch (IOException | IllegalStateException e) {
            throw new RuntimeMissing(runtimeJars);
        }
        this.jniLibrary = unpackJniLibrary(client, workDirectory);
    }

    /**
     * Lambda gives each execution environment a /tmp of its own; here every process shares the machine's, and the client,
     * as it starts, copies its JNI library over one fixed path there ({@code /tmp/.libaws-lambda-jni.so}) and loads it: a
     * process loading it while another one rewrites it dies of SIGBUS (a webhook's init failed so, exit status 134, when
     * two functions started at once). So the library is unpacked once, into the work directory, and named to every
     * process with the client's property.
     */
    private static Path unpackJniLibrary(Path client, Path workDirectory) {
        String architecture = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        String entry = "jni/libaws-lambda-jni.linux-" + architecture + ".so";
        Path library = workDirectory.resolve(".libaws-lambda-jni.so").toAbsolutePath();
        try (ZipFile zip = new ZipFile(client.toFile())) {
            ZipEntry found = zip.getEntry(entry);
            if (found == null) throw new IllegalStateException(client + " has no " + entry);
            try (var in = zip.getInputStream(found)) {
                Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            }
            return library;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime interface client's JNI library from " + client, e);
        }
    }

    /** The command Lambda's bootstrap runs ({@code /var/runtime/bootstrap}, java21, as of 2024). */
    List<String> command(FunctionConfiguration function) {
        List<String> command = new ArrayList<>(List.of(javaExecutable.toString(),
                "-XX:MaxHeapSize=" + function.memoryMb() * 1024L * 85 / 100 + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-XX:+ErrorFileToStderr"));
        // Local only: a JDK 24+ (Lambda's is 21) warns when the client disables its illegal-access warning through Unsafe.
        if (javaFeature >= 24) command.add("--sun-misc-unsafe-memory-access=allow");
        // Local only: a JDK 22+ warns when the client loads its JNI library without native access granted.
        if (javaFeature >= 22) command.add("--enable-native-access=ALL-UNNAMED");
        // Local only: the JNI library unpacked once for every process, not by each into the shared /tmp.
        command.add("-D" + JNI_LIBRARY_PROPERTY + "=" + jniLibrary);
        command.addAll(List.of("-classpath", runtimeJars.toAbsolutePath() + "/*", ENTRY, function.handler()));
        return command;
    }

    /**
     * Lambda's environment for the function: its reserved variables, then the template's (which may not override
     * them), then what the local cloud adds (the emulator's endpoint, the role's credentials).
     */
    Map<String, String> environment(FunctionConfiguration function, String runtimeApi, Map<String, String> local,
                                    Map<String, String> host) {
        Map<String, String> env = new LinkedHashMap<>(function.environment());
        env.put("_HANDLER", function.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/" + function.name());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot(function).toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimeJars.toAbsolutePath().toString());
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", "/usr/local/bin:/usr/bin/:/bin");
        env.putAll(local);
        // libfaketime (make test-clock-shift) moves every clock of the machine, the functions' too.
        host.forEach((name, value) -> {
            if (name.startsWith("FAKETIME") || name.equals("LD_PRELOAD")) env.put(name, value);
        });
        return env;
    }

    /** The function's task root, its jar unzipped there on first use (as Lambda unzips the deployment package). */
    synchronized Path taskRoot(FunctionConfiguration function) {
        Path root = workDirectory.resolve(function.name()).toAbsolutePath();
        if (Files.isDirectory(root)) return root;
        if (!Files.isRegularFile(function.code())) {
            throw new CodeMissing(function.name(), function.code());
        }
        Path partial = workDirectory.resolve(function.name() + ".partial");
        try (ZipFile zip = new ZipFile(function.code().toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) continue; // a zip-slip path: Lambda would refuse the package
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
            Files.move(partial, root);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip " + function.code() + " for " + function.name(), e);
        }
    }

    /** The runtime's jars are not there: the local cloud module was not built. */
    public static final class RuntimeMissing extends RuntimeException {
        RuntimeMissing(Path directory) {
            super("Lambda's Java runtime (the runtime interface client) is not in " + directory + ": run `make build`");
        }
    }

    /** A function's code (its CodeUri) is not built. */
    public static final class CodeMissing extends RuntimeException {
        CodeMissing(String function, Path code) {
            super(function + ": its code " + code + " does not exist: run `make build`");
        }
    }
}
