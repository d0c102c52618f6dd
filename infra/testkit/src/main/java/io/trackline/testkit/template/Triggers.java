package io.trackline.testkit.template;

import io.trackline.testkit.template.Specs.HttpRoute;
import io.trackline.testkit.template.Specs.JwtAuthorizer;
import io.trackline.testkit.template.Specs.Schedule;
import io.trackline.testkit.template.Specs.SqsSource;
import io.trackline.testkit.template.Specs.StreamSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What invokes each function, read from the template the SAM transform makes ({@link SamTransform}), the resources AWS
 * creates on deploy rather than the SAM {@code Events} shortcuts they come from:
 * <ul>
 *   <li>{@code AWS::Lambda::EventSourceMapping}s from SQS queues and DynamoDB table streams (BatchSize,
 *       FunctionResponseTypes, StartingPosition, MaximumRetryAttempts, FilterCriteria, DestinationConfig.OnFailure);</li>
 *   <li>each {@code AWS::ApiGatewayV2::Api}'s OpenAPI {@code Body}: its paths and methods, the function each
 *       {@code x-amazon-apigateway-integration} uri invokes, each route's {@code security} (authorizer and scopes; SAM's
 *       {@code NONE} or none for an open route) and the JWT authorizers of {@code components.securitySchemes};</li>
 *   <li>{@code AWS::Events::Rule}s with a {@code ScheduleExpression} and {@code AWS::Scheduler::Schedule}s, for the
 *       functions among their targets.</li>
 * </ul>
 * A function is named by its {@code AWS::Lambda::Function}'s logical id, whether the reference (FunctionName, the
 * integration uri's {@code ${Fn.Arn}}, a target's Arn) points at the function or at its alias ({@code AutoPublishAlias}).
 * References to queues, tables and parameters stay as written, for the {@link Resolver} of the running stack.
 */
public final class Triggers {
    public static final String EVENT_SOURCE_MAPPING = "AWS::Lambda::EventSourceMapping";
    public static final String HTTP_API = "AWS::ApiGatewayV2::Api";
    public static final String RULE = "AWS::Events::Rule";
    public static final String SCHEDULE = "AWS::Scheduler::Schedule";
    private static final String ALIAS = "AWS::Lambda::Alias";
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** SAM's name for "no authorizer" on a route of an API that has a default one. */
    private static final String NO_AUTH = "NONE";
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Template template;
    private final List<HttpRoute> routes = new ArrayList<>();
    private final Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
    private final List<SqsSource> queues = new ArrayList<>();
    private final List<StreamSource> streams = new ArrayList<>();
    private final List<Schedule> schedules = new ArrayList<>();

    Triggers(Template template) {
        this.template = template;
        template.ofType(HTTP_API).forEach(this::readApi);
        template.ofType(EVENT_SOURCE_MAPPING).forEach(this::readMapping);
        template.ofType(RULE).forEach(id -> readSchedule(id, template.properties(id).list("Targets").stream().toList()));
        template.ofType(SCHEDULE).forEach(id -> readSchedule(id, List.of(template.properties(id).required("Target"))));
    }

    public List<HttpRoute> routes() {
        return List.copyOf(routes);
    }

    /** The JWT authorizers of every HTTP API, by name. */
    public Map<String, JwtAuthorizer> authorizers() {
        return java.util.Collections.unmodifiableMap(authorizers);
    }

    public List<SqsSource> queues() {
        return List.copyOf(queues);
    }

    public List<StreamSource> streams() {
        return List.copyOf(streams);
    }

    public List<Schedule> schedules() {
        return List.copyOf(schedules);
    }

    private void readApi(String api) {
        Props body = template.properties(api).props("Body");
        if (body.values().isEmpty()) {
            throw new TemplateException(api + ".Properties.Body is missing: the local cloud serves the routes of an HTTP API's "
                    + "OpenAPI Body, which the SAM transform writes from the functions' HttpApi events");
        }
        Map<String, JwtAuthorizer> own = new LinkedHashMap<>();
        Props schemes = body.props("components").props("securitySchemes");
        schemes.values().forEach((name, value) -> {
            Props scheme = Props.of(schemes.where() + "." + name, value);
            if (scheme.raw("x-amazon-apigateway-authorizer") == null) return;
            Props authorizer = scheme.props("x-amazon-apigateway-authorizer");
            if (!authorizer.optionalString("type").orElse("").equals("jwt")) {
                throw new TemplateException(authorizer.where() + ".type is " + authorizer.raw("type")
                        + ": the local cloud serves JWT authorizers only");
            }
            Props jwt = authorizer.props("jwtConfiguration");
            own.put(name, new JwtAuthorizer(name, jwt.required("issuer"), jwt.list("audience")));
        });
        authorizers.putAll(own);
        List<Object> apiSecurity = body.list("security");
        Props paths = body.props("paths");
        paths.values().forEach((path, item) -> {
            Props operations = Props.of(paths.where() + "." + path, item);
            operations.values().forEach((key, value) -> {
                if (!key.equals(ANY_METHOD) && !METHODS.contains(key)) return;
                Props operation = Props.of(operations.where() + "." + key, value);
                Props integration = operation.props("x-amazon-apigateway-integration");
                String function = functionOf(integration.required("uri"), integration.where() + ".uri");
                List<Object> security = operation.raw("security") == null ? apiSecurity : operation.list("security");
                Map.Entry<String, List<String>> auth = authorization(security, operation.where() + ".security", own, api);
                routes.add(new HttpRoute(key.equals(ANY_METHOD) ? "ANY" : key.toUpperCase(Locale.ROOT), path, function,
                        Optional.of(auth.getKey()).filter(name -> !name.equals(NO_AUTH)), auth.getValue()));
            });
        });
    }

    /** The route's one security requirement: the authorizer's name (or {@code NONE}) and its scopes. */
    private static Map.Entry<String, List<String>> authorization(List<Object> security, String where,
                                                              Map<String, JwtAuthorizer> authorizers, String api) {
        if (security.isEmpty()) return Map.entry(NO_AUTH, List.of());
        Props requirement = Props.of(where + "[0]", security.getFirst());
        if (security.size() > 1 || requirement.values().size() != 1) {
            throw new TemplateException(where + " should hold one authorizer (API Gateway runs one per route), got " + security);
        }
        String name = requirement.values().keySet().iterator().next();
        if (!name.equals(NO_AUTH) && !authorizers.containsKey(name)) {
            throw new TemplateException(where + " names authorizer " + name + ", which " + api + " does not declare as a JWT authorizer");
        }
        return Map.entry(name, requirement.list(name).stream().map(String::valueOf).toList());
    }

    private void readMapping(String id) {
        Props p = template.properties(id);
        String where = id + ".Properties";
        if (!p.bool("Enabled", true)) return;
        String function = functionOf(p.required("FunctionName"), where + ".FunctionName");
        Object source = p.required("EventSourceArn");
        boolean reportFailures = p.list("FunctionResponseTypes").contains("ReportBatchItemFailures");
        String sourceId = Intrinsic.targetOf(source).orElseThrow(() -> new TemplateException(where
                + ".EventSourceArn should be !GetAtt <queue>.Arn or !GetAtt <table>.StreamArn of the template, got " + source));
        String type = template.typeOf(sourceId).orElse("no resource");
        if (type.equals(Template.QUEUE)) {
            if (p.raw("FilterCriteria") != null) {
                throw new TemplateException(where + ".FilterCriteria on an SQS queue is not emulated locally (DynamoDB streams only)");
            }
            queues.add(new SqsSource(id, function, source, p.integer("BatchSize", 10), reportFailures));
        } else if (type.equals(Template.TABLE) && source instanceof Intrinsic.GetAtt getAtt && getAtt.attribute().equals("StreamArn")) {
            List<String> patterns = p.props("FilterCriteria").propsList("Filters").stream().map(f -> f.string("Pattern")).toList();
            streams.add(new StreamSource(id, function, sourceId, p.integer("BatchSize", 100), p.string("StartingPosition"),
                    reportFailures, p.integer("MaximumRetryAttempts", -1), patterns,
                    Optional.ofNullable(p.props("DestinationConfig").props("OnFailure").raw("Destination"))));
        } else {
            throw new TemplateException(where + ".EventSourceArn names " + sourceId + " (" + type
                    + "): the local cloud polls SQS queues and DynamoDB table streams only");
        }
    }

    private void readSchedule(String id, List<Object> targets) {
        Props p = template.properties(id);
        Optional<String> expression = p.optionalString("ScheduleExpression");
        // A rule without a schedule matches events (EventBridge patterns), which the local cloud does not emulate.
        if (expression.isEmpty() || p.optionalString("State").orElse("ENABLED").equals("DISABLED")) return;
        Optional<Duration> rate = rate(expression.get(), id + ".Properties.ScheduleExpression");
        for (int i = 0; i < targets.size(); i++) {
            Props target = Props.of(id + ".Properties.Targets[" + i + "]", targets.get(i));
            function(target.required("Arn")).ifPresent(function -> schedules.add(new Schedule(id, function, expression.get(), rate)));
        }
    }

    /** {@code rate(15 minutes)}; a cron expression has no rate locally (it runs when triggered by hand). */
    static Optional<Duration> rate(String expression, String where) {
        if (expression.startsWith("cron(")) return Optional.empty();
        Matcher m = RATE.matcher(expression.trim());
        if (!m.matches()) throw new TemplateException(where + " '" + expression + "' is neither rate(N unit) nor cron(...)");
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }

    private String functionOf(Object reference, String where) {
        return function(reference).orElseThrow(() -> new TemplateException(where + " should name an AWS::Lambda::Function of "
                + "the template or its alias (!Ref, !GetAtt <function>.Arn, ${<function>.Arn} in !Sub), got " + reference));
    }

    /** The function's logical id when {@code reference} names a function or an alias of one. */
    private Optional<String> function(Object reference) {
        List<String> named = switch (reference) {
            case Intrinsic.Ref ref -> List.of(ref.name());
            case Intrinsic.GetAtt getAtt when getAtt.attribute().equals("Arn") -> List.of(getAtt.resource());
            case Intrinsic.Fn fn when fn.name().equals("Sub") -> subVariables(fn);
            case null, default -> List.of();
        };
        List<String> functions = named.stream().flatMap(id -> switch (template.typeOf(id).orElse("")) {
            case Template.LAMBDA_FUNCTION -> java.util.stream.Stream.of(id);
            case ALIAS -> function(template.properties(id).required("FunctionName")).stream();
            default -> java.util.stream.Stream.empty();
        }).distinct().toList();
        return functions.size() == 1 ? Optional.of(functions.getFirst()) : Optional.empty();
    }

    /** The resources a {@code !Sub} string names, {@code ${X}} and {@code ${X.Arn}} alike (its own variables aside). */
    private static List<String> subVariables(Intrinsic.Fn sub) {
        List<?> args = sub.arguments();
        Set<?> own = args.size() > 1 && args.get(1) instanceof Map<?, ?> variables ? variables.keySet() : Set.of();
        List<String> names = new ArrayList<>();
        Matcher m = SUB_VARIABLE.matcher(String.valueOf(args.getFirst()));
        while (m.find()) {
            String name = m.group(1).endsWith(".Arn") ? m.group(1).substring(0, m.group(1).length() - 4) : m.group(1);
            if (!name.startsWith("AWS::") && !own.contains(name)) names.add(name);
        }
        return names;
    }
}
