package io.trackline.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The AWS endpoint that the local cloud and the integration tests talk to. By default an embedded {@code moto_server}
 * on a free loopback port; {@code AWS_ENDPOINT_URL} points at any running emulator or account instead;
 * {@code TRACKLINE_EMULATOR=localstack} starts LocalStack through Testcontainers (needs Docker and a LocalStack auth token).
 */
public final class Emulator implements AutoCloseable {
    /** Credentials moto and LocalStack accept; never used against a real account (there the default chain applies). */
    public static final String DEMO_ACCESS_KEY = "test";
    public static final String DEFAULT_REGION = "us-east-1";
    /** moto_server's own setting, passed on from {@link #start(Map)}'s environment: IAM enforced after this many requests. */
    public static final String IAM_AFTER_REQUESTS = "INITIAL_NO_AUTH_ACTION_COUNT";

    private final URI endpoint;
    private final String kind;
    private final AutoCloseable stopper;
    private final Optional<ProcessHandle> process;
    private final Optional<Path> log;

    private Emulator(URI endpoint, String kind, AutoCloseable stopper, Optional<ProcessHandle> process, Optional<Path> log) {
        this.endpoint = endpoint;
        this.kind = kind;
        this.stopper = stopper;
        this.process = process;
        this.log = log;
    }

    /** What the moto this JVM started has written so far; empty for an emulator it did not start. */
    public String log() {
        try {
            return log.isPresent() ? Files.readString(log.get()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("could not read moto's log", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** "moto", "localstack" or "external". */
    public String kind() {
        return kind;
    }

    /**
     * The {@code moto_server} process this JVM started (not its watchdog), for a test that must signal it (freeze it
     * with SIGSTOP, say); empty for LocalStack or an external endpoint.
     */
    public Optional<ProcessHandle> process() {
        return process;
    }

    /** Whether this emulator is moto, whose {@code /moto-api/} endpoints tests may read. */
    public boolean isMoto() {
        return kind.equals("moto");
    }

    /**
     * Turns on moto's IAM enforcement from the next request on: every action of every service needs credentials of an
     * IAM user (their access key) or of an assumed role (with its session token), signed, and allowed by their
     * policies (moto checks resources only for SQS, IAM and STS; the others' actions against {@code *}). Until this
     * call moto takes any credentials, so a test or the local cloud creates its resources, roles and users first, with
     * {@link #DEMO_ACCESS_KEY}. It is moto's {@code INITIAL_NO_AUTH_ACTION_COUNT} set to zero at run time
     * ({@code /moto-api/reset-auth}), so there is no count of set-up calls to keep in step. moto only.
     */
    public void enforceIam() {
        if (!isMoto()) throw new IllegalStateException("IAM enforcement is a moto feature; this emulator is " + kind);
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/reset-auth").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "text/plain"); // a form body would reach moto empty
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            try (var body = connection.getOutputStream()) {
                body.write("0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            int status = connection.getResponseCode();
            if (status != 200) throw new IllegalStateException("moto refused to enforce IAM: HTTP " + status);
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach moto to enforce IAM", e);
        }
    }

    public static Emulator start() {
        return start(System.getenv());
    }

    public static Emulator start(Map<String, String> env) {
        String external = env.get("AWS_ENDPOINT_URL");
        if (external != null && !external.isBlank()) {
            return new Emulator(URI.create(external), "external", () -> { }, Optional.empty(), Optional.empty());
        }
        if ("localstack".equalsIgnoreCase(env.getOrDefault("TRACKLINE_EMULATOR", ""))) {
            return LocalStack.start(env);
        }
        return startMoto(env);
    }

    /**
     * moto runs under a small shell watchdog that stops it as soon as this JVM is gone, however the JVM ended (even
     * {@code kill -9}), and that keeps it out of the terminal's process group, so that Ctrl-C reaches only the JVM and
     * the local cloud can stop its pollers before moto goes. It writes moto's pid to the file named by its fourth
     * argument. On {@code SIGTERM} it kills moto (and its own sleep) and reaps them before it exits itself (it waits on its
     * sleeps, so the trap runs at once): moto is gone, not a zombie waiting for whoever adopts it, when the watchdog is.
     */
    private static final String WATCHDOG = """
            trap '' INT
            set -m
            "$2" -H 127.0.0.1 -p "$3" & moto=$!
            echo $moto > "$4"
            nap=$moto
            trap 'kill -9 $moto $nap 2>/dev/null; wait $moto $nap 2>/dev/null; exit 0' TERM
            while kill -0 "$1" 2>/dev/null && kill -0 $moto 2>/dev/null; do sleep 1 & nap=$!; wait $nap; done
            kill $moto 2>/dev/null; sleep 1; kill -9 $moto 2>/dev/null
            """;

    private static Emulator startMoto(Map<String, String> env) {
        Path executable = findMoto(env).orElseThrow(() -> new EmulatorUnavailable(
                "moto_server was not found on the PATH nor in .trackline/venv. Install it with "
                        + "`pip install \"moto[server]\"` (or run `make moto`), or set AWS_ENDPOINT_URL to a running emulator."));
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            Path pidFile = log.resolveSibling(log.getFileName() + ".pid");
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", WATCHDOG, "moto-watchdog",
                    Long.toString(ProcessHandle.current().pid()), executable.toString(), Integer.toString(port),
                    pidFile.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // moto's IAM enforcement after that many requests (see enforceIam() to switch it on after set-up instead).
            Optional.ofNullable(env.get(IAM_AFTER_REQUESTS)).ifPresent(n -> builder.environment().put(IAM_AFTER_REQUESTS, n));
            // where moto's request recorder (/moto-api/recorder/..., off unless started; the Lambda bench's cost meter) writes,
            // beside the log rather than moto_recording in the working directory
            builder.environment().put("MOTO_RECORDER_FILEPATH", log.resolveSibling(log.getFileName() + ".recording").toString());
            builder.environment().merge("PYTHONPATH", MotoRepairs.DIRECTORY.toString(),
                    (given, repairs) -> repairs + java.io.File.pathSeparator + given);
            Process process = builder.start();
            ProcessHandle handle = process.toHandle();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            awaitReady(endpoint, process, log);
            // moto answers, so the watchdog has long written its pid
            Optional<ProcessHandle> moto = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
            return new Emulator(endpoint, "moto", () -> stop(handle), moto, Optional.of(log));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start moto_server", e);
        }
    }

    /**
     * Trackline's repair of moto (README "Local cloud"): {@code sitecustomize.py}, which Python loads at start from the
     * {@code PYTHONPATH}, unpacked once per JVM. It makes a DynamoDB transaction back up the items it names instead of
     * deep-copying whole tables, which cost seconds and gigabytes per transaction on a full table and lost other
     * requests' writes when a cancelled transaction put its copy back.
     */
    private static final class MotoRepairs {
        static final Path DIRECTORY = unpack();

        private static Path unpack() {
            try (var source = Emulator.class.getResourceAsStream("moto/sitecustomize.py")) {
                if (source == null) throw new IllegalStateException("sitecustomize.py is missing from the emulator's jar");
                Path directory = Files.createTempDirectory("trackline-moto-");
                Files.copy(source, directory.resolve("sitecustomize.py"));
                directory.resolve("sitecustomize.py").toFile().deleteOnExit();
                directory.toFile().deleteOnExit();
                return directory;
            } catch (IOException e) {
                throw new UncheckedIOException("could not unpack moto's repair", e);
            }
        }
    }

    private static Optional<Path> findMoto(Map<String, String> env) {
        Path venv = Path.of(env.getOrDefault("TRACKLINE_HOME", "."), ".trackline", "venv", "bin", "moto_server");
        if (Files.isExecutable(venv)) return Optional.of(venv.toAbsolutePath());
        for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /**
     * moto starts in 2-5 s on an idle machine; on a busy 2-core one (parallel builds, libfaketime) it has taken over
     * 30 s. A moto that exits is reported at once, so only a slow start waits this long.
     */
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private static void awaitReady(URI endpoint, Process process, Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new EmulatorUnavailable("moto_server exited at start: " + Files.readString(log).strip());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/data.json").toURL().openConnection();
                connection.setConnectTimeout(200);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            sleep(Duration.ofMillis(100));
        }
        stop(process.toHandle());
        throw new EmulatorUnavailable("moto_server did not answer on " + endpoint + " within " + START_LIMIT.toSeconds() + " s");
    }

    /**
     * The watchdog, asked to stop, kills and reaps moto (moto can ignore SIGTERM); whatever is still there after that,
     * moto included, is killed outright, and waited for.
     */
    private static void stop(ProcessHandle handle) {
        var processes = java.util.stream.Stream.concat(handle.descendants(), java.util.stream.Stream.of(handle)).toList();
        handle.destroy();
        try {
            handle.onExit().get(2, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            // killed outright below
        }
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            java.util.concurrent.CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit)
                    .toArray(java.util.concurrent.CompletableFuture[]::new)).get(3, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            // killed forcibly: they go as soon as the kernel has reaped them
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the emulator", e);
        }
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the " + kind + " emulator", e);
        }
    }

    /** The emulator cannot be had; the message says what to do. */
    public static final class EmulatorUnavailable extends RuntimeException {
        public EmulatorUnavailable(String message) {
            super(message);
        }
    }

    /** Kept in its own class so Testcontainers is loaded only when LocalStack is asked for. */
    private static final class LocalStack {
        static Emulator start(Map<String, String> env) {
            String token = env.get("LOCALSTACK_AUTH_TOKEN");
            if (token == null || token.isBlank()) {
                throw new EmulatorUnavailable("TRACKLINE_EMULATOR=localstack needs LOCALSTACK_AUTH_TOKEN (current LocalStack images require one) and Docker.");
            }
            var image = org.testcontainers.utility.DockerImageName.parse(env.getOrDefault("LOCALSTACK_IMAGE", "localstack/localstack:latest"));
            var container = new org.testcontainers.containers.localstack.LocalStackContainer(image)
                    .withEnv("LOCALSTACK_AUTH_TOKEN", token);
            try {
                container.start();
            } catch (RuntimeException e) {
                throw new EmulatorUnavailable("LocalStack could not start (is Docker running?): " + e.getMessage());
            }
            return new Emulator(container.getEndpoint(), "localstack", container::stop, Optional.empty(), Optional.empty());
        }
    }
}
