package io.trackline.local.bench;

import io.trackline.local.LocalCloud;
import io.trackline.local.LocalCloudOptions;
import io.trackline.local.runtime.FunctionConfiguration;
import io.trackline.local.runtime.ProcessFunction;
import io.trackline.local.runtime.Report;
import io.trackline.smoke.Smoke;
import io.trackline.smoke.SmokeOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code infra/bin/bench-lambda [rounds]}: every function under Lambda's runtime on a local cloud, figures from their
 * REPORT lines. Two anchors are deployed into the same local Lambda and invoked cold the same way: a handler returning
 * a constant (the floor) and a plain SDK v2 handler doing one DynamoDB GetItem. Then a realistic run (the smoke test's
 * journey, {@code rounds} times, and one sweeper run) drives every function; printed per function: cold start (Init
 * Duration + first Duration), invocations, Max Memory Used against MemorySize, and the Lambda cost of the run.
 */
public final class LambdaBench {
    /** Lambda on arm64 (the template's architecture), us-east-1 list prices. */
    static final double PER_REQUEST = 0.20 / 1_000_000;
    static final double PER_GB_SECOND = 0.0000133334;

    private LambdaBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PrintStream out = System.out;
        Path root = LocalCloudOptions.repositoryRoot(Path.of("").toAbsolutePath());
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        System.setOut(quiet);
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.defaults(System.getenv()).withPort(0).withLocalJson(Optional.empty()))) {
            var lambda = cloud.lambda().orElseThrow();
            Path work = Files.createTempDirectory("trackline-bench-");
            String table = cloud.stack().tables().get("TrackingTable");
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL", cloud.awsEndpoint().toString(), "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", cloud.demo().awsAccessKeyId(), "AWS_SECRET_ACCESS_KEY", cloud.demo().awsSecretAccessKey());
            List<ProcessFunction> anchors = List.of(
                    anchor(lambda, "AnchorConstant", ConstantHandler.class, deploymentPackage(work, ConstantHandler.class, List.of()), table, env),
                    anchor(lambda, "AnchorPlainSdkGetItem", GetItemHandler.class,
                            deploymentPackage(work, GetItemHandler.class, sdkJars(root.resolve("infra/local-cloud/target/lib"))), table, env));
            for (ProcessFunction anchor : anchors) anchor.invoke(Map.of("bench", true));

            for (int i = 0; i < rounds; i++) {
                int status = new Smoke(new SmokeOptions(cloud.apiUrl(), cloud.demo().tenants().getFirst().apiKey(),
                        cloud.demo().webhookSecrets().get("native"), Duration.ofSeconds(90), Optional.empty()), quiet).run();
                if (status != Smoke.OK) throw new IllegalStateException("the smoke journey failed in round " + (i + 1));
            }
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/local/schedules/SweeperFunction"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            System.setOut(out);
            out.printf(Locale.ROOT, "Lambda under its Java runtime (JDK %s, %d cores), %d smoke journeys + 1 sweeper run%n",
                    System.getProperty("java.version"), java.lang.Runtime.getRuntime().availableProcessors(), rounds);
            out.printf(Locale.ROOT, "%-24s %10s %10s %10s %7s %9s %9s %12s%n", "function", "init ms", "first ms",
                    "cold ms", "calls", "max MB", "memory MB", "run cost $");
            Map<String, ProcessFunction> all = new TreeMap<>(lambda.functions());
            for (ProcessFunction function : all.values()) print(out, function);
        }
    }

    private static void print(PrintStream out, ProcessFunction function) {
        List<Report> reports = function.log().lines().stream().flatMap(line -> Report.parse(line).stream()).toList();
        if (reports.isEmpty()) {
            out.printf(Locale.ROOT, "%-24s (not invoked)%n", function.name());
            return;
        }
        Report first = reports.getFirst();
        double init = first.initDurationMs().orElse(0.0);
        long maxMemory = reports.stream().mapToLong(Report::maxMemoryUsedMb).max().orElse(0);
        double gbSeconds = reports.stream().mapToDouble(r -> r.billedMs() / 1000.0 * r.memorySizeMb() / 1024.0).sum();
        double cost = reports.size() * PER_REQUEST + gbSeconds * PER_GB_SECOND;
        out.printf(Locale.ROOT, "%-24s %10.0f %10.0f %10.0f %7d %9d %9d %12.8f%n", function.name(), init, first.durationMs(),
                init + first.durationMs(), reports.size(), maxMemory, first.memorySizeMb(), cost);
    }

    private static ProcessFunction anchor(io.trackline.local.runtime.LocalLambda lambda, String name, Class<?> handler,
                                          Path code, String table, Map<String, String> env) {
        return lambda.create(new FunctionConfiguration(name, "arn:aws:lambda:us-east-1:123456789012:function:" + name,
                handler.getName() + "::handleRequest", 1024, 30, code,
                Map.of("TABLE_NAME", table, "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")), () -> env);
    }

    /** A deployment package: the handler's class, and jars under lib/ (a layout Lambda's runtime loads). */
    private static Path deploymentPackage(Path work, Class<?> handler, List<Path> jars) throws IOException {
        Path zip = work.resolve(handler.getSimpleName() + ".zip");
        String entry = handler.getName().replace('.', '/') + ".class";
        try (var out = new ZipOutputStream(Files.newOutputStream(zip));
             var in = handler.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new ZipEntry(entry));
            in.transferTo(out);
            for (Path jar : jars) {
                out.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                Files.copy(jar, out);
            }
        }
        return zip;
    }

    /** The SDK's DynamoDB client with the url-connection HTTP client and what they need, from the local cloud's class path. */
    private static List<Path> sdkJars(Path lib) throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(jar -> jar.getFileName().toString().matches("(dynamodb|url-connection-client|sdk-core|aws-core|regions"
                    + "|auth|http-auth.*|identity-spi|utils|utils-lite|metrics-spi|json-utils|protocol-core|aws-json-protocol"
                    + "|endpoints-spi|profiles|http-client-spi|retries.*|checksums.*|third-party-jackson-core|annotations"
                    + "|reactive-streams|slf4j-api)-\\d.*\\.jar")).toList();
        }
    }
}
