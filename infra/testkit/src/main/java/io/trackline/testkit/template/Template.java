package io.trackline.testkit.template;

import io.trackline.testkit.template.Specs.AttributeDefinition;
import io.trackline.testkit.template.Specs.Function;
import io.trackline.testkit.template.Specs.Index;
import io.trackline.testkit.template.Specs.KeyElement;
import io.trackline.testkit.template.Specs.Parameter;
import io.trackline.testkit.template.Specs.Queue;
import io.trackline.testkit.template.Specs.Redrive;
import io.trackline.testkit.template.Specs.Secret;
import io.trackline.testkit.template.Specs.Subscription;
import io.trackline.testkit.template.Specs.Table;
import io.trackline.testkit.template.Specs.Topic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code template.yaml} read once, with typed views of everything the local cloud emulates. This is the only list of
 * resources the local cloud knows: add a queue to the template and the runner creates it. The same views read the
 * template the SAM transform makes of it ({@link SamTransform}): {@link #lambdaFunctions}, {@link #roles} and
 * {@link #triggers}, which exist only there.
 */
public final class Template {
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String QUEUE = "AWS::SQS::Queue";
    public static final String TOPIC = "AWS::SNS::Topic";
    public static final String SUBSCRIPTION = "AWS::SNS::Subscription";
    public static final String SECRET = "AWS::SecretsManager::Secret";
    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String HTTP_API = "AWS::Serverless::HttpApi";
    public static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
    public static final String ROLE = "AWS::IAM::Role";

    private final String origin;
    private final Map<String, Object> root;
    private final Map<String, Props> resources;

    private Template(String origin, Map<String, Object> root) {
        this.origin = origin;
        this.root = root;
        Props all = Props.of(origin + " Resources", root.get("Resources"));
        if (all.values().isEmpty()) throw new TemplateException(origin + " declares no Resources");
        Map<String, Props> byId = new LinkedHashMap<>();
        all.values().forEach((id, value) -> byId.put(id, Props.of(id, value)));
        this.resources = byId;
        resources.forEach((id, resource) -> resource.string("Type"));
    }

    public static Template load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new TemplateException("template " + path + " does not exist: run from the repository root or pass --template");
        } catch (IOException e) {
            throw new TemplateException("template " + path + " cannot be read: " + e.getMessage());
        }
        return parse(text, path.getFileName().toString());
    }

    public static Template parse(String text, String origin) {
        return new Template(origin, CfnYaml.parse(text, origin));
    }

    public String origin() {
        return origin;
    }

    /** Logical id to type, in template order, of the resources created with the parameters' defaults. */
    public Map<String, String> resourceTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        resources.forEach((id, resource) -> {
            if (isCreated(id)) types.put(id, resource.string("Type"));
        });
        return types;
    }

    public Optional<String> typeOf(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId)).map(r -> r.string("Type"));
    }

    public Map<String, Parameter> parameters() {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        Props.of(origin + " Parameters", root.get("Parameters")).values().forEach((name, value) -> {
            Props p = Props.of("Parameters." + name, value);
            parameters.put(name, new Parameter(name, p.optionalString("Type").orElse("String"), p.optionalString("Default")));
        });
        return parameters;
    }

    /** The {@code Conditions} section, unevaluated. */
    public Map<String, Object> conditions() {
        return Props.of(origin + " Conditions", root.get("Conditions")).values();
    }

    /** The {@code Value} of output {@code name}, unevaluated; empty when the template has no such output. */
    public Optional<Object> outputValue(String name) {
        Object output = Props.of(origin + " Outputs", root.get("Outputs")).values().get(name);
        return output == null ? Optional.empty() : Optional.of(Props.of("Outputs." + name, output).required("Value"));
    }

    public Map<String, Object> mappings() {
        return Props.of(origin + " Mappings", root.get("Mappings")).values();
    }

    public List<Table> tables() {
        return ofType(TABLE).stream().map(this::table).toList();
    }

    public List<Queue> queues() {
        return ofType(QUEUE).stream().map(this::queue).toList();
    }

    public List<Topic> topics() {
        return ofType(TOPIC).stream()
                .map(id -> new Topic(id, properties(id).bool("FifoTopic", false)))
                .toList();
    }

    public List<Subscription> subscriptions() {
        return ofType(SUBSCRIPTION).stream().map(this::subscription).toList();
    }

    public List<Secret> secrets() {
        return ofType(SECRET).stream().map(this::secret).toList();
    }

    public List<Function> functions() {
        return ofType(FUNCTION).stream().map(this::function).toList();
    }

    /** The {@code AWS::Lambda::Function}s of a transformed template (the SAM transform makes them of each function). */
    public List<Specs.LambdaFunction> lambdaFunctions() {
        return ofType(LAMBDA_FUNCTION).stream().map(id -> {
            Props p = properties(id);
            return new Specs.LambdaFunction(id, p.string("Handler"), p.integer("MemorySize", 128), p.integer("Timeout", 3),
                    p.props("Code").string("S3Key"), p.props("Environment").props("Variables").values(), p.required("Role"));
        }).toList();
    }

    /** The {@code AWS::IAM::Role}s, each with its inline policies by name. */
    public List<Specs.Role> roles() {
        return ofType(ROLE).stream().map(id -> {
            Props p = properties(id);
            Map<String, Object> policies = new LinkedHashMap<>();
            p.propsList("Policies").forEach(policy -> policies.put(policy.string("PolicyName"), policy.required("PolicyDocument")));
            return new Specs.Role(id, p.required("AssumeRolePolicyDocument"), policies, p.list("ManagedPolicyArns"));
        }).toList();
    }

    /** What triggers the functions of a transformed template (its event source mappings, HTTP API and schedules). */
    public Triggers triggers() {
        return new Triggers(this);
    }

    List<String> ofType(String type) {
        return resources.entrySet().stream()
                .filter(e -> e.getValue().string("Type").equals(type))
                .map(Map.Entry::getKey)
                .filter(this::isCreated)
                .toList();
    }

    /**
     * Whether CloudFormation would create the resource with the parameters' defaults: a resource whose
     * {@code Condition} is false (an optional email subscription, say) does not exist locally either.
     */
    public boolean isCreated(String logicalId) {
        Props resource = resources.get(logicalId);
        if (resource == null) return false;
        Optional<String> condition = resource.optionalString("Condition");
        if (condition.isEmpty()) return true;
        Object value = new Resolver(this, "conditions", "us-east-1", "000000000000")
                .resolve(new Intrinsic.Condition(condition.get()), logicalId + ".Condition");
        return Boolean.TRUE.equals(value);
    }

    Props properties(String logicalId) {
        return resources.get(logicalId).props("Properties");
    }

    private Table table(String id) {
        Props p = properties(id);
        List<AttributeDefinition> attributes = p.propsList("AttributeDefinitions").stream()
                .map(a -> new AttributeDefinition(a.string("AttributeName"), a.string("AttributeType")))
                .toList();
        List<Index> indexes = p.propsList("GlobalSecondaryIndexes").stream()
                .map(i -> new Index(i.string("IndexName"), keySchema(i), i.props("Projection").optionalString("ProjectionType").orElse("ALL"),
                        i.props("Projection").list("NonKeyAttributes").stream().map(String::valueOf).toList()))
                .toList();
        Props ttl = p.props("TimeToLiveSpecification");
        Optional<String> ttlAttribute = ttl.bool("Enabled", false) ? ttl.optionalString("AttributeName") : Optional.empty();
        if (keySchema(p).isEmpty()) throw new TemplateException(id + ".Properties.KeySchema is missing");
        Optional<String> streamViewType = p.raw("StreamSpecification") == null ? Optional.empty()
                : Optional.of(p.props("StreamSpecification").string("StreamViewType"));
        return new Table(id, attributes, keySchema(p), indexes, ttlAttribute, streamViewType);
    }

    private static List<KeyElement> keySchema(Props p) {
        return p.propsList("KeySchema").stream()
                .map(k -> new KeyElement(k.string("AttributeName"), k.string("KeyType")))
                .toList();
    }

    private Queue queue(String id) {
        Props p = properties(id);
        Map<String, String> attributes = new TreeMap<>();
        for (String name : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "MaximumMessageSize",
                "ReceiveMessageWaitTimeSeconds", "FifoQueue", "ContentBasedDeduplication")) {
            p.optionalString(name).ifPresent(value -> attributes.put(name, value));
        }
        Optional<Redrive> redrive = p.raw("RedrivePolicy") == null ? Optional.empty() : Optional.of(
                new Redrive(p.props("RedrivePolicy").required("deadLetterTargetArn"),
                        p.props("RedrivePolicy").integer("maxReceiveCount", 10)));
        return new Queue(id, attributes, redrive);
    }

    private Secret secret(String id) {
        Props p = properties(id);
        Optional<Specs.Generate> generate = p.raw("GenerateSecretString") == null ? Optional.empty() : Optional.of(
                generate(p.props("GenerateSecretString")));
        return new Secret(id, Optional.ofNullable(p.raw("SecretString")), generate);
    }

    private static Specs.Generate generate(Props g) {
        return new Specs.Generate(g.optionalString("SecretStringTemplate"), g.optionalString("GenerateStringKey"),
                g.integer("PasswordLength", 32), g.bool("ExcludePunctuation", false));
    }

    private Subscription subscription(String id) {
        Props p = properties(id);
        Optional<Map<String, Object>> filterPolicy = p.raw("FilterPolicy") == null ? Optional.empty()
                : Optional.of(p.props("FilterPolicy").values());
        return new Subscription(id, p.required("TopicArn"), p.string("Protocol").toLowerCase(Locale.ROOT),
                p.required("Endpoint"), p.bool("RawMessageDelivery", false), filterPolicy,
                p.optionalString("FilterPolicyScope"));
    }

    private Function function(String id) {
        Props globals = Props.of("Globals", root.get("Globals")).props("Function");
        Props p = properties(id);
        Map<String, Object> environment = new LinkedHashMap<>(globals.props("Environment").props("Variables").values());
        environment.putAll(p.props("Environment").props("Variables").values());
        int timeout = p.integer("Timeout", globals.integer("Timeout", 3));
        String handler = p.optionalString("Handler").or(() -> globals.optionalString("Handler"))
                .orElseThrow(() -> new TemplateException(id + ".Properties.Handler is missing"));
        return new Function(id, handler, environment, timeout);
    }
}
