package io.trackline.testkit.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackline.aws.Json;
import io.trackline.testkit.template.Resolver;
import io.trackline.testkit.template.Specs;
import io.trackline.testkit.template.Template;
import io.trackline.testkit.template.TemplateException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Creates every table, queue, topic, subscription and secret the template declares, in the emulator, and registers
 * each one's {@code Ref} and attributes with the {@link Resolver}. Physical names are the logical ids (with an optional
 * prefix); creating what already exists (a shared external emulator) reuses it.
 */
public final class Provisioner {
    private static final Set<String> PROVISIONED = Set.of(Template.TABLE, Template.QUEUE, Template.TOPIC,
            Template.SUBSCRIPTION, Template.SECRET, Template.FUNCTION, Template.HTTP_API);

    private final LocalAws aws;
    private final Template template;
    private final Resolver resolver;
    private final String namePrefix;
    private final Optional<Duration> visibilityTimeout;
    private final SecureRandom random = new SecureRandom();

    /** @param visibilityTimeout replaces every queue's visibility timeout, so failed messages come back quickly */
    public Provisioner(LocalAws aws, Template template, Resolver resolver, String namePrefix, Optional<Duration> visibilityTimeout) {
        this.aws = aws;
        this.template = template;
        this.resolver = resolver;
        this.namePrefix = namePrefix;
        this.visibilityTimeout = visibilityTimeout;
    }

    public Stack provision() {
        Map<String, String> tables = new LinkedHashMap<>();
        template.tables().forEach(t -> tables.put(t.logicalId(), createTable(t)));
        Map<String, Stack.Queue> queues = createQueues();
        Map<String, String> topics = new LinkedHashMap<>();
        template.topics().forEach(t -> topics.put(t.logicalId(), createTopic(t)));
        Map<String, String> secrets = new LinkedHashMap<>();
        template.secrets().forEach(s -> secrets.put(s.logicalId(), createSecret(s)));
        Map<String, String> subscriptions = new LinkedHashMap<>();
        template.subscriptions().forEach(s -> subscriptions.put(s.logicalId(), subscribe(s)));
        template.functions().forEach(f -> resolver.register(f.logicalId(), namePrefix + f.logicalId(), Map.of(
                "Arn", "arn:aws:lambda:" + resolver.region() + ":" + resolver.accountId() + ":function:" + namePrefix + f.logicalId())));
        List<String> notEmulated = template.resourceTypes().entrySet().stream()
                .filter(e -> !PROVISIONED.contains(e.getValue()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .toList();
        return new Stack(tables, queues, topics, subscriptions, secrets, notEmulated);
    }

    private String createTable(Specs.Table table) {
        String name = namePrefix + table.logicalId();
        TableDescription description;
        try {
            var request = software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.builder()
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(table.attributes().stream()
                            .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build())
                            .toList())
                    .keySchema(keys(table.keySchema()));
            if (!table.globalIndexes().isEmpty()) {
                request.globalSecondaryIndexes(table.globalIndexes().stream().map(i -> GlobalSecondaryIndex.builder()
                        .indexName(i.name())
                        .keySchema(keys(i.keySchema()))
                        .projection(Projection.builder().projectionType(i.projectionType())
                                .nonKeyAttributes(i.nonKeyAttributes().isEmpty() ? null : i.nonKeyAttributes()).build())
                        .build()).toList());
            }
            table.streamViewType().ifPresent(view -> request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(view).build()));
            description = aws.dynamoDb().createTable(request.build()).tableDescription();
        } catch (ResourceInUseException exists) {
            description = aws.dynamoDb().describeTable(r -> r.tableName(name)).table();
        }
        table.ttlAttribute().ifPresent(attribute -> aws.dynamoDb().updateTimeToLive(r -> r.tableName(name)
                .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Arn", description.tableArn());
        if (description.latestStreamArn() != null) attributes.put("StreamArn", description.latestStreamArn());
        resolver.register(table.logicalId(), name, attributes);
        return name;
    }

    private static List<KeySchemaElement> keys(List<Specs.KeyElement> schema) {
        return schema.stream()
                .map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build())
                .toList();
    }

    /** Dead-letter queues first: a queue's redrive policy needs its DLQ's ARN. */
    private Map<String, Stack.Queue> createQueues() {
        Map<String, Stack.Queue> created = new LinkedHashMap<>();
        List<Specs.Queue> pending = new ArrayList<>(template.queues());
        while (!pending.isEmpty()) {
            Specs.Queue next = pending.stream()
                    .filter(q -> q.redrive().flatMap(Specs.Redrive::deadLetterQueueId).map(created::containsKey).orElse(true))
                    .findFirst()
                    .orElseThrow(() -> new TemplateException("the redrive policies of " + pending.stream()
                            .map(Specs.Queue::logicalId).toList() + " point at queues that are not in the template, or at each other"));
            created.put(next.logicalId(), createQueue(next));
            pending.remove(next);
        }
        return created;
    }

    private Stack.Queue createQueue(Specs.Queue queue) {
        String name = namePrefix + queue.logicalId() + (queue.fifo() ? ".fifo" : "");
        Map<String, String> attributes = new TreeMap<>(queue.attributes());
        visibilityTimeout.ifPresent(t -> attributes.put("VisibilityTimeout", Long.toString(t.toSeconds())));
        queue.redrive().ifPresent(redrive -> attributes.put("RedrivePolicy", json(Map.of(
                "deadLetterTargetArn", resolver.string(redrive.deadLetterTarget(), queue.logicalId() + ".RedrivePolicy"),
                "maxReceiveCount", redrive.maxReceiveCount()))));
        String url = aws.sqs().createQueue(r -> r.queueName(name).attributesWithStrings(attributes)).queueUrl();
        String arn = aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        resolver.register(queue.logicalId(), url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
        return new Stack.Queue(url, arn, name);
    }

    private String createTopic(Specs.Topic topic) {
        String name = namePrefix + topic.logicalId() + (topic.fifo() ? ".fifo" : "");
        Map<String, String> attributes = topic.fifo() ? Map.of("FifoTopic", "true") : Map.of();
        String arn = aws.sns().createTopic(r -> r.name(name).attributes(attributes)).topicArn();
        resolver.register(topic.logicalId(), arn, Map.of("TopicArn", arn, "TopicName", name));
        return arn;
    }

    /** Created with the template's value, or one generated as CloudFormation's {@code GenerateSecretString} would. */
    private String createSecret(Specs.Secret secret) {
        String name = namePrefix + secret.logicalId();
        String value = secret.secretString().map(v -> resolver.string(v, secret.logicalId() + ".SecretString"))
                .orElseGet(() -> generated(secret.generate()));
        String arn;
        try {
            arn = aws.secretsManager().createSecret(r -> r.name(name).secretString(value)).arn();
        } catch (ResourceExistsException exists) {
            arn = aws.secretsManager().describeSecret(r -> r.secretId(name)).arn();
        }
        resolver.register(secret.logicalId(), arn, Map.of("Id", arn, "Name", name));
        return arn;
    }

    private String generated(Optional<Specs.Generate> generate) {
        Specs.Generate g = generate.orElse(new Specs.Generate(Optional.empty(), Optional.empty(), 32, false));
        String password = password(g.passwordLength(), g.excludePunctuation());
        if (g.secretStringTemplate().isEmpty() || g.generateStringKey().isEmpty()) return password;
        try {
            var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(g.secretStringTemplate().get());
            return json.put(g.generateStringKey().get(), password).toString();
        } catch (JsonProcessingException | ClassCastException e) {
            throw new TemplateException("GenerateSecretString.SecretStringTemplate is not a JSON object: " + g.secretStringTemplate().get());
        }
    }

    private String password(int length, boolean excludePunctuation) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                + (excludePunctuation ? "" : "!#$%&()*+,-./:;<=>?@[]^_{|}~");
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return password.toString();
    }

    private String subscribe(Specs.Subscription subscription) {
        String where = subscription.logicalId();
        Map<String, String> attributes = new LinkedHashMap<>();
        if (subscription.rawMessageDelivery()) attributes.put("RawMessageDelivery", "true");
        subscription.filterPolicy().ifPresent(p -> attributes.put("FilterPolicy", json(resolver.resolve(p, where + ".FilterPolicy"))));
        subscription.filterPolicyScope().ifPresent(scope -> attributes.put("FilterPolicyScope", scope));
        String arn = aws.sns().subscribe(r -> r
                .topicArn(resolver.string(subscription.topic(), where + ".TopicArn"))
                .protocol(subscription.protocol())
                .endpoint(resolver.string(subscription.endpoint(), where + ".Endpoint"))
                .attributes(attributes)
                .returnSubscriptionArn(true)).subscriptionArn();
        resolver.register(subscription.logicalId(), arn, Map.of());
        return arn;
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template values always serialise", e);
        }
    }

}
