package io.trackline.local;

import io.trackline.aws.Json;
import io.trackline.emulator.Emulator;
import io.trackline.emulator.StreamEventSource;
import io.trackline.testkit.cloud.LocalAws;
import io.trackline.testkit.cloud.Provisioner;
import io.trackline.testkit.cloud.Stack;
import io.trackline.local.demo.DemoCredentials;
import io.trackline.local.demo.DemoGuide;
import io.trackline.local.demo.DemoSeeder;
import io.trackline.local.gateway.Gateway;
import io.trackline.local.gateway.JwtAuthorizer;
import io.trackline.local.gateway.LocalIssuer;
import io.trackline.local.gateway.Routes;
import io.trackline.local.iam.LocalIam;
import io.trackline.local.lambda.LocalFunction;
import io.trackline.local.runtime.FunctionLog;
import io.trackline.local.runtime.JavaRuntime;
import io.trackline.local.runtime.LocalLambda;
import io.trackline.local.runtime.ProcessFunction;
import io.trackline.local.lambda.Schedules;
import io.trackline.local.lambda.EventFilter;
import io.trackline.local.lambda.SqsPoller;
import io.trackline.local.lambda.StreamPoller;
import io.trackline.testkit.template.Intrinsic;
import io.trackline.testkit.template.Resolver;
import io.trackline.testkit.template.Specs;
import io.trackline.testkit.template.SamTransform;
import io.trackline.testkit.template.Template;
import io.trackline.testkit.template.TemplateException;
import io.trackline.testkit.template.Triggers;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The whole of {@code template.yaml} running in one JVM (PRODUCT.md §8): an emulator (moto by default) with every
 * table, queue, topic, subscription and secret created, the HTTP API on a local port, each SQS event source and each
 * DynamoDB stream event source polled as Lambda does, the schedules, and demo credentials. {@code make run} starts it through {@link #main}; tests start it
 * in-process with {@link #start(LocalCloudOptions)} and close it.
 */
public final class LocalCloud implements AutoCloseable {
    public static final String STACK_NAME = "trackline-local";
    /** How long a stream event source waits after finding nothing new (streams have no long poll). */
    private static final Duration STREAM_IDLE = Duration.ofMillis(200);

    private final List<AutoCloseable> resources;
    private final Gateway gateway;
    private final Emulator emulator;
    private final Stack stack;
    private final LocalIssuer issuer;
    private final DemoCredentials demo;
    private final List<String> scheduledFunctions;
    private final String startup;
    private final Optional<LocalLambda> lambda;
    /** With IAM enforced: the managed policies the emulator does not know (not attached). */
    private final Optional<LocalIam> iam;
    private final Triggers triggers;

    private LocalCloud(List<AutoCloseable> resources, Gateway gateway, Emulator emulator, Stack stack, LocalIssuer issuer,
                       DemoCredentials demo, List<String> scheduledFunctions, String startup, Optional<LocalLambda> lambda,
                       Optional<LocalIam> iam, Triggers triggers) {
        this.triggers = triggers;
        this.startup = startup;
        this.lambda = lambda;
        this.iam = iam;
        this.resources = resources;
        this.gateway = gateway;
        this.emulator = emulator;
        this.stack = stack;
        this.issuer = issuer;
        this.demo = demo;
        this.scheduledFunctions = scheduledFunctions;
    }

    /**
     * Starts everything; on any failure stops what had started and rethrows.
     *
     * @throws TemplateException         when the template cannot be read or used
     * @throws Gateway.PortInUse         when the port is taken
     * @throws Emulator.EmulatorUnavailable when no emulator can be had
     */
    public static LocalCloud start(LocalCloudOptions options) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Phases phases = new Phases();
            // template.yaml itself is still read for what the transform passes through unchanged, so that the
            // Provisioner (which function-module tests use without running the transform) and the in-process functions
            // (handler classes built in this JVM) stay one reading shared with them: the tables, queues, topics,
            // subscriptions and secrets, the parameters and conditions the Resolver evaluates, and the functions'
            // environment. What invokes the functions, and (under Lambda's runtime) what each function is and its
            // role, come from the transform's output.
            Template template = Template.load(options.template());
            boolean lambdaRuntime = options.functions() == LocalCloudOptions.Functions.LAMBDA_RUNTIME;
            CompletableFuture<Template> transform = SamTransform.start(options.template(),
                    LocalCloudOptions.repositoryRoot(java.nio.file.Path.of("").toAbsolutePath()));
            var signingKey = CompletableFuture.supplyAsync(LocalIssuer::newKey);
            Gateway gateway = Gateway.bind(options.port());
            started.add(gateway);
            Emulator emulator = Emulator.start(options.environment());
            started.add(emulator);
            phases.done("emulator");
            Template transformed = join(transform);
            Triggers triggers = transformed.triggers();
            NotifierLeaseCheck.check(transformed, options.visibilityTimeout());
            String region = options.environment().getOrDefault("AWS_REGION", Emulator.DEFAULT_REGION);
            LocalAws setUp = new LocalAws(emulator.endpoint(), region);
            started.add(setUp);

            Resolver resolver = new Resolver(template, STACK_NAME, region, LocalAws.ACCOUNT_ID);
            useLocalIssuer(triggers, template, resolver, gateway.url() + Gateway.ISSUER_PATH);
            Stack stack = new Provisioner(setUp, template, resolver, options.namePrefix(), options.visibilityTimeout()).provision();
            phases.done("provisioning");

            // IAM is moto's to enforce: with another emulator the functions and the local cloud keep its credentials.
            Optional<LocalIam> iam = lambdaRuntime && emulator.isMoto() ? Optional.of(LocalIam.create(emulator.endpoint(),
                    region, transformed, resolver, options.namePrefix(), Emulator.DEMO_ACCESS_KEY)) : Optional.empty();
            iam.ifPresent(started::add);
            LocalAws aws = iam.map(i -> new LocalAws(emulator.endpoint(), region, i.operator().accessKeyId(),
                    i.operator().secretAccessKey())).orElse(setUp);
            if (aws != setUp) started.add(aws);

            Map<String, List<String>> audiences = audiences(triggers, resolver);
            LocalIssuer issuer = LocalIssuer.withKey(signingKey.join(), gateway.url() + Gateway.ISSUER_PATH,
                    audiences.values().stream().flatMap(List::stream).distinct().toList());
            Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
            audiences.forEach((name, audience) -> authorizers.put(name, new JwtAuthorizer(issuer, audience, Clock.systemUTC())));

            DemoCredentials demo = new DemoSeeder(aws).seed(stack, referencedBy(template, "TABLE_NAME"),
                    referencedBy(template, "WEBHOOK_SECRETS_ARN"), issuer, gateway.url());
            phases.done("demo data");
            if (iam.isPresent()) {
                emulator.enforceIam();
                phases.done("IAM");
            }

            UnaryOperator<String> local = servedLocally(template, resolver, gateway.url());
            Optional<LocalLambda> lambda = lambdaRuntime
                    ? Optional.of(LocalLambda.start(options.lambdaRuntime(), options.concurrency(), options.coldStarts(), System.out)) : Optional.empty();
            lambda.ifPresent(started::add);
            Functions functions = lambda.isPresent()
                    ? new Functions.Lambda(lambda.get(), transformed, iam, aws, local)
                    : new Functions.InProcess(aws, new ReentrantLock(), local);
            Wiring wiring = wire(template, triggers, resolver, aws, stack, options, functions);
            phases.done("functions");
            Schedules timer = new Schedules(wiring.schedules(), region, LocalAws.ACCOUNT_ID);
            started.add(timer);
            if (options.eventSources()) {
                // Pollers stop before the gateway and the emulator: their last receive must not hit a stopped moto.
                List<AutoCloseable> pollers = new ArrayList<>();
                wiring.pollers().forEach(p -> pollers.add(p.start()));
                wiring.streams().forEach(p -> pollers.add(p.start()));
                started.add(() -> closeTogether(pollers));
                timer.start();
            }
            gateway.serve(new Routes<>(wiring.routes()), authorizers, issuer, timer, LocalAws.ACCOUNT_ID);

            options.localJson().ifPresent(file -> DemoGuide.write(demo, file));
            return new LocalCloud(started, gateway, emulator, stack, issuer, demo, timer.functions(), phases.toString(), lambda,
                    iam, triggers);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /** The one resource that functions' environment variable {@code name} points at (README "Conventions"). */
    private static String referencedBy(Template template, String name) {
        List<String> targets = template.functions().stream()
                .flatMap(f -> Intrinsic.targetOf(f.environment().get(name)).stream())
                .distinct().toList();
        if (targets.size() != 1) {
            throw new TemplateException("the demo data needs the functions' " + name + " to reference one resource; found " + targets);
        }
        return targets.getFirst();
    }

    /**
     * The local cloud is the stack's identity provider: every parameter an authorizer's issuer is taken from
     * ({@code JwtIssuer}) names the local issuer, as a deploy with your own issuer would. So the template's "own issuer"
     * branch applies locally, with its audience ({@code JwtAudience}), not the user pool the stack would create.
     */
    private static void useLocalIssuer(Triggers triggers, Template template, Resolver resolver, String issuerUrl) {
        triggers.authorizers().values().forEach(a -> parameterRefs(a.issuer(), new java.util.TreeSet<>()).stream()
                .filter(template.parameters()::containsKey)
                .forEach(parameter -> resolver.override(parameter, issuerUrl)));
    }

    private static java.util.Set<String> parameterRefs(Object value, java.util.Set<String> found) {
        switch (value) {
            case Intrinsic.Ref ref -> found.add(ref.name());
            case Intrinsic.Fn fn -> parameterRefs(fn.argument(), found);
            case List<?> list -> list.forEach(item -> parameterRefs(item, found));
            case Map<?, ?> map -> map.values().forEach(item -> parameterRefs(item, found));
            case null, default -> {
            }
        }
        return found;
    }

    /** Each JWT authorizer's audiences, resolved (the issuer is always the local one). */
    private static Map<String, List<String>> audiences(Triggers triggers, Resolver resolver) {
        Map<String, List<String>> audiences = new LinkedHashMap<>();
        triggers.authorizers().values().forEach(a -> audiences.put(a.name(),
                a.audience().stream().map(value -> resolver.string(value, a.name() + ".audience")).toList()));
        return audiences;
    }

    /** The functions and what triggers them: HTTP routes, schedules, SQS and DynamoDB stream event sources. */
    private record Wiring(List<Routes.Route<LocalFunction>> routes, List<Schedules.Entry> schedules, List<SqsPoller> pollers,
                          List<StreamPoller> streams) {
    }

    /**
     * The stack's own API URL (its output {@code ApiUrl}) is the local gateway: a setting that points into the stack's
     * API, such as the default {@code TRACKING_PAGE_URL}, points at the same route here.
     */
    private static UnaryOperator<String> servedLocally(Template template, Resolver resolver, URI gatewayUrl) {
        Optional<String> deployed = template.outputValue("ApiUrl").map(value -> resolver.string(value, "Outputs.ApiUrl"));
        return value -> deployed.filter(value::startsWith)
                .map(url -> gatewayUrl + value.substring(url.length()))
                .orElse(value);
    }

    /**
     * Each function of the template, made by {@code functions}, and what invokes it, all read from the SAM transform's
     * output ({@link Triggers}): the HTTP API's routes from its OpenAPI body (path, method, the function the integration
     * invokes, the JWT authorizer and scopes of the route's security), an SQS poller per event source mapping from a queue
     * (BatchSize, ReportBatchItemFailures), a stream poller per mapping from a table's stream (BatchSize, StartingPosition,
     * ReportBatchItemFailures, MaximumRetryAttempts, FilterCriteria, DestinationConfig.OnFailure), and a schedule per
     * rule target ({@code ScheduleExpression}). Under Lambda's runtime what the function is (handler, memory, timeout,
     * environment, role) comes from the transform too ({@link Functions.Lambda}).
     */
    private static Wiring wire(Template template, Triggers triggers, Resolver resolver, LocalAws aws, Stack stack,
                               LocalCloudOptions options, Functions functions) {
        Map<String, LocalFunction> byId = new LinkedHashMap<>();
        template.functions().forEach(spec -> byId.put(spec.logicalId(), functions.create(spec, resolver)));
        java.util.function.BiFunction<String, String, LocalFunction> function = (id, where) -> Optional.ofNullable(byId.get(id))
                .orElseThrow(() -> new TemplateException(where + " invokes " + id + ", which is no AWS::Serverless::Function of "
                        + template.origin()));
        Wiring wiring = new Wiring(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Specs.HttpRoute route : triggers.routes()) {
            wiring.routes().add(new Routes.Route<>(route.method(), route.path(), function.apply(route.function(), route.routeKey()),
                    route.authorizer(), route.authorizationScopes()));
        }
        for (Specs.Schedule schedule : triggers.schedules()) {
            wiring.schedules().add(new Schedules.Entry(function.apply(schedule.function(), schedule.logicalId()),
                    schedule.logicalId(), schedule.rate()));
        }
        for (Specs.SqsSource source : triggers.queues()) {
            Stack.Queue queue = stack.queueByArn(resolver.string(source.queue(), source.logicalId() + ".Properties.EventSourceArn"));
            wiring.pollers().add(new SqsPoller(function.apply(source.function(), source.logicalId()), aws.sqs(), queue,
                    source.batchSize(), source.reportBatchItemFailures(), aws.region(), options.pollWait()));
        }
        for (Specs.StreamSource source : triggers.streams()) {
            wiring.streams().add(streamPoller(function.apply(source.function(), source.logicalId()), source, resolver, aws, stack));
        }
        return wiring;
    }

    /** The table's stream read from the start (locally TRIM_HORIZON and LATEST coincide: the table was just created). */
    private static StreamPoller streamPoller(LocalFunction function, Specs.StreamSource source, Resolver resolver,
                                             LocalAws aws, Stack stack) {
        String where = source.logicalId() + ".Properties";
        String table = Optional.ofNullable(stack.tables().get(source.tableId())).orElseThrow(() -> new TemplateException(
                where + ".EventSourceArn names " + source.tableId() + ", which is no table of the template"));
        Optional<Stack.Queue> onFailure = source.onFailure().map(destination -> stack.queueByArn(
                resolver.string(destination, where + ".DestinationConfig.OnFailure.Destination")));
        var eventSource = new StreamEventSource(aws.dynamoDb(), aws.dynamoDbStreams(), table, source.batchSize(),
                EventFilter.of(source), source.maximumRetryAttempts(),
                givenUp -> onFailure.ifPresent(queue -> aws.sqs().sendMessage(b -> b.queueUrl(queue.url())
                        .messageBody(onFailureMessage(givenUp, function.arn())))));
        return new StreamPoller(function, eventSource, source.reportBatchItemFailures(), table, STREAM_IDLE);
    }

    /** Lambda's on-failure record for a stream batch, in AWS's shape: where the records are, not the records. */
    private static String onFailureMessage(StreamEventSource.GivenUp givenUp, String functionArn) {
        try {
            return Json.mapper().writeValueAsString(givenUp.invocationRecord(functionArn, Instant.now()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a batch description always serialises", e);
        }
    }

    /** The log of a function run under Lambda's runtime (empty in the in-process mode). */
    public Optional<FunctionLog> log(String function) {
        return lambda.flatMap(l -> l.function(function)).map(ProcessFunction::log);
    }

    /** What invokes each function, as the SAM transform wrote it. */
    public Triggers triggers() {
        return triggers;
    }

    /** The local Lambda service, when functions run under Lambda's runtime. */
    public Optional<LocalLambda> lambda() {
        return lambda;
    }

    public URI apiUrl() {
        return gateway.url();
    }

    public int port() {
        return gateway.port();
    }

    /** API requests the gateway has received, as API Gateway meters them. */
    public long meteredApiRequests() {
        return gateway.meteredRequests();
    }

    public URI awsEndpoint() {
        return emulator.endpoint();
    }

    public Emulator emulator() {
        return emulator;
    }

    public Stack stack() {
        return stack;
    }

    public DemoCredentials demo() {
        return demo;
    }

    /** The local identity provider, for tests that need tokens of their own (expired, other audience, ...). */
    public LocalIssuer issuer() {
        return issuer;
    }

    public String guide(String localJson) {
        return DemoGuide.describe(demo, localJson, scheduledFunctions)
                + iam.map(LocalCloud::enforcement).orElse("\nIAM is not enforced: this emulator is not moto, or functions run in-process.\n")
                + (stack.notEmulated().isEmpty() ? "" : "\nNot emulated locally: " + String.join(", ", stack.notEmulated()) + "\n");
    }

    /** What moto enforces, exactly (README "Local cloud"): printed at start. */
    private static String enforcement(LocalIam iam) {
        List<String> notAttached = iam.notAttached();
        return "\nFunctions run under Lambda's Java runtime, each as its role (AssumeRole credentials with a session token); moto "
                + "enforces IAM on every request: the action for every service, the resource only for SQS, IAM and STS "
                + "(DynamoDB, SNS, Secrets Manager are checked as Resource \"*\"); no resource policies (queue and topic "
                + "policies); the roles trust the local operator, who stands in for lambda.amazonaws.com."
                + (notAttached.isEmpty() ? "" : " AWS managed policies moto does not load, not attached (Lambda's own logs, X-Ray "
                + "and event source reads, which the local cloud does as the operator): " + String.join(", ", notAttached) + ".")
                + (iam.widened().isEmpty() ? "" : "\nWidened to Resource \"*\" for moto (actions still enforced):\n  "
                + String.join("\n  ", iam.widened()))
                + "\n";
    }

    private static Template join(CompletableFuture<Template> transform) {
        try {
            return transform.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /** Stops pollers and schedules, then the HTTP server, then the emulator (moto is killed, never left behind). */
    @Override
    public void close() {
        closeAll(resources);
    }

    /** Each on its own thread: a poller's close waits for its long poll to end, and these need not wait in turn. */
    private static void closeTogether(List<AutoCloseable> resources) {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            resources.forEach(resource -> threads.execute(() -> closeAll(List.of(resource))));
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("local cloud: could not stop " + resource.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    /** How long each step of the start took, for the ready line. */
    private static final class Phases {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String phase) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    public static void main(String[] args) {
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        LocalCloudOptions options;
        LocalCloud cloud;
        try {
            options = LocalCloudOptions.fromCommandLine(args, System.getenv());
            cloud = start(options);
        } catch (TemplateException | Gateway.PortInUse | Emulator.EmulatorUnavailable | LocalFunction.FunctionFailed
                 | JavaRuntime.RuntimeMissing | JavaRuntime.CodeMissing | IllegalArgumentException e) {
            // What to fix, in one line; a stack trace would bury it.
            System.err.println("local cloud: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local cloud ...");
            cloud.close();
            stopped.countDown();
        }));
        System.out.println(cloud.guide(options.localJson().map(Object::toString).orElse("(not written)")));
        System.out.println("Trackline local cloud ready in " + Duration.between(processStart, Instant.now()).toMillis()
                + " ms on " + cloud.apiUrl() + " (" + cloud.startup + "; Ctrl-C stops it)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
