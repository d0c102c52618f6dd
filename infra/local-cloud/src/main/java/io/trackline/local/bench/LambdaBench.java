package io.trackline.local.bench;

import io.trackline.local.LocalCloud;
import io.trackline.local.LocalCloudOptions;
import io.trackline.local.bench.cost.Bill;
import io.trackline.local.bench.cost.CarrierTraffic;
import io.trackline.local.bench.cost.ScanCost;
import io.trackline.local.runtime.ColdStarts;
import io.trackline.local.runtime.DeploymentPackage;
import io.trackline.local.runtime.FunctionConfiguration;
import io.trackline.local.runtime.ProcessFunction;
import io.trackline.local.runtime.Report;
import io.trackline.smoke.Smoke;
import io.trackline.testkit.template.Triggers;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code infra/bin/bench-lambda [rounds] [shipments]}: every function under Lambda's runtime on a local cloud, figures
 * from their REPORT lines. Two anchors are deployed into the same local Lambda and invoked cold the same way: a handler
 * returning a constant (the floor) and a plain SDK v2 handler doing one DynamoDB GetItem. Every cold start, the
 * anchors' and the functions', runs alone ({@link ColdStarts#ONE_AT_A_TIME}), as an environment on Lambda starts on a
 * CPU of its own. Then a realistic run (the
 * smoke test's journey, {@code rounds} times, and one sweeper run) drives every function; printed per function: cold
 * start (Init Duration + first Duration), invocations, Max Memory Used against MemorySize, and what the cold start's
 * init costs. Then the cost per million carrier scans ({@link ScanCost}) for both traffic mixes, {@code shipments}
 * shipments each, beside the goal and the GetItem anchor's cost per million warm invocations. Last, the whole local
 * cloud's peak resident memory over the run and the mixes ({@link MemoryFootprint}), beside the budget and one idle
 * function JVM (the constant anchor).
 */
public final class LambdaBench {
    /** Issue 12's goal: the whole pipeline's cost per million carrier scans. */
    static final double GOAL = 3.00;
    private static final int ANCHOR_WARM_INVOCATIONS = 20;
    /** How the bench sizes a function: half again its peak for headroom, in 64 MB steps, at least Lambda's 128 MB. */
    private static final String SUFFICES = "1.5 x max MB, rounded up to 64 MB, at least 128";
    /** Issue 12's budget for the whole local cloud. */
    private static final long MEMORY_BUDGET_MB = 3 * 1024;

    private LambdaBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int shipments = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        PrintStream out = System.out;
        Path root = LocalCloudOptions.repositoryRoot(Path.of("").toAbsolutePath());
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        System.setOut(quiet);
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.defaults(System.getenv()).withPort(0)
                .withLocalJson(Optional.empty()).withColdStarts(ColdStarts.ONE_AT_A_TIME))) {
            var lambda = cloud.lambda().orElseThrow();
            Path work = Files.createTempDirectory("trackline-bench-");
            String table = cloud.stack().tables().get("TrackingTable");
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL", cloud.awsEndpoint().toString(), "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", cloud.demo().awsAccessKeyId(), "AWS_SECRET_ACCESS_KEY", cloud.demo().awsSecretAccessKey());
            List<ProcessFunction> anchors = List.of(
                    anchor(lambda, "AnchorConstant", ConstantHandler.class, DeploymentPackage.of(work, ConstantHandler.class, List.of()), table, env),
                    anchor(lambda, "AnchorPlainSdkGetItem", GetItemHandler.class,
                            DeploymentPackage.of(work, GetItemHandler.class, sdkJars(root.resolve("infra/local-cloud/target/lib"))), table, env));
            for (ProcessFunction anchor : anchors) anchor.invoke(Map.of("bench", true));
            Bill anchorCost = ScanCost.warmGetItemAnchor(anchors.get(1), ANCHOR_WARM_INVOCATIONS);
            anchors.forEach(ProcessFunction::close);

            MemoryFootprint footprint = MemoryFootprint.start(Duration.ofMillis(250));
            for (int i = 0; i < rounds; i++) {
                int status = new Smoke(new SmokeOptions(cloud.apiUrl(), cloud.demo().tenants().getFirst().apiKey(),
                        cloud.demo().webhookSecrets().get("native"), Duration.ofSeconds(90), Optional.empty()), quiet).run();
                if (status != Smoke.OK) throw new IllegalStateException("the smoke journey failed in round " + (i + 1));
            }
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/local/schedules/SweeperFunction"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            ScanCost.Scope scope = scope(anchors, cloud.triggers());
            Set<String> notPerScan = scope.notPerScan();
            List<ScanCost.Result> costs = new ArrayList<>();
            for (CarrierTraffic traffic : CarrierTraffic.values()) {
                costs.add(ScanCost.measure(cloud, traffic, shipments, scope, System.getenv()));
            }
            footprint.close();
            Map<String, List<Report>> run = new TreeMap<>();
            lambda.functions().forEach((name, function) -> run.put(name, reports(function.log().lines())));

            System.setOut(out);
            out.printf(Locale.ROOT, "Lambda under its Java runtime (JDK %s, %d cores), %d smoke journeys + 1 sweeper run, then"
                            + " both traffic mixes below; cold starts one at a time, the anchors' too; max MB over all of it,"
                            + " and the MemorySize that would suffice (%s)%n",
                    System.getProperty("java.version"), java.lang.Runtime.getRuntime().availableProcessors(), rounds, SUFFICES);
            out.printf(Locale.ROOT, "%-24s %10s %10s %10s %7s %9s %9s %9s %12s%n", "function", "init ms", "first ms",
                    "cold ms", "calls", "max MB", "memory MB", "suffices", "init cost $");
            run.forEach((name, reports) -> print(out, name, reports));
            double pipelineInit = run.entrySet().stream().filter(e -> !notPerScan.contains(e.getKey()) && !e.getValue().isEmpty())
                    .mapToDouble(e -> ScanCost.initCost(e.getValue().getFirst())).sum();
            out.printf(Locale.ROOT, "a cold start of every function on the scan path costs $%.6f (Init Duration's GB-seconds, billed"
                    + " since August 2025); left out of the steady-state cost below%n%n", pipelineInit);
            printFootprint(out, footprint.peak(), run.get(anchors.getFirst().name()));

            out.printf(Locale.ROOT, "Cost per 1M carrier scans at us-east-1 list prices, warm functions (Init Duration left out),"
                    + " DynamoDB units from item sizes%n");
            for (ScanCost.Result cost : costs) ScanCost.print(out, cost, GOAL);
            out.printf(Locale.ROOT, "%nsummary: (a) one scan per webhook $%.2f, (b) aggregator $%.2f per 1M scans; goal $%.2f;"
                            + " anchor, same run: the plain SDK GetItem function $%.2f per 1M warm invocations (Lambda $%.2f,"
                            + " DynamoDB $%.2f, logs $%.2f)%n", costs.get(0).bill().totalPerMillionScans(),
                    costs.get(1).bill().totalPerMillionScans(), GOAL, anchorCost.totalPerMillionScans(),
                    anchorCost.byService().get("Lambda"), anchorCost.byService().get("DynamoDB"),
                    anchorCost.byService().get("CloudWatch Logs"));
        }
    }

    /** From the triggers: scheduled functions and the anchors are not per scan; stream-triggered ones start traces. */
    private static ScanCost.Scope scope(List<ProcessFunction> anchors, Triggers triggers) {
        Set<String> notPerScan = new java.util.TreeSet<>();
        anchors.forEach(anchor -> notPerScan.add(anchor.name()));
        triggers.schedules().forEach(schedule -> notPerScan.add(schedule.function()));
        Set<String> startTraces = new java.util.TreeSet<>();
        triggers.streams().forEach(stream -> startTraces.add(stream.function()));
        return new ScanCost.Scope(notPerScan, startTraces);
    }

    private static List<Report> reports(List<String> lines) {
        return lines.stream().flatMap(line -> Report.parse(line).stream()).toList();
    }

    private static void print(PrintStream out, String name, List<Report> reports) {
        if (reports.isEmpty()) {
            out.printf(Locale.ROOT, "%-24s (not invoked)%n", name);
            return;
        }
        Report first = reports.getFirst();
        double init = first.initDurationMs().orElse(0.0);
        long maxMemory = reports.stream().mapToLong(Report::maxMemoryUsedMb).max().orElse(0);
        out.printf(Locale.ROOT, "%-24s %10.0f %10.0f %10.0f %7d %9d %9d %9d %12.8f%n", name, init, first.durationMs(),
                init + first.durationMs(), reports.size(), maxMemory, first.memorySizeMb(), sufficientMemorySize(maxMemory),
                ScanCost.initCost(first));
    }

    /** {@link #SUFFICES}. */
    static long sufficientMemorySize(long maxMemoryUsedMb) {
        return Math.max(128, (maxMemoryUsedMb * 3 / 2 + 63) / 64 * 64);
    }

    /** The whole local cloud's peak, beside the anchor: one JVM under the runtime that returns a constant. */
    private static void printFootprint(PrintStream out, MemoryFootprint.Sample peak, List<Report> constantAnchor) {
        long anchorMb = constantAnchor.stream().mapToLong(Report::maxMemoryUsedMb).max().orElse(0);
        out.printf(Locale.ROOT, "Whole local cloud, peak resident memory over the run above and both traffic mixes: %d MB"
                        + " (budget %d MB): local cloud JVM %d MB, emulator %d MB, %d function JVMs %d MB; anchor, same run:"
                        + " the constant handler's JVM %d MB%n%n", peak.totalKb() / 1024, MEMORY_BUDGET_MB,
                peak.cloudJvmKb() / 1024, peak.emulatorKb() / 1024, peak.functionProcesses(), peak.functionsKb() / 1024, anchorMb);
    }

    private static ProcessFunction anchor(io.trackline.local.runtime.LocalLambda lambda, String name, Class<?> handler,
                                          Path code, String table, Map<String, String> env) {
        return lambda.create(new FunctionConfiguration(name, "arn:aws:lambda:us-east-1:123456789012:function:" + name,
                handler.getName() + "::handleRequest", 1024, 30, code,
                Map.of("TABLE_NAME", table, "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")), () -> env);
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
