package io.trackline.testkit.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed views of the resources the local cloud emulates, as the template declares them (references unresolved). */
public final class Specs {
    private Specs() {
    }

    public record Parameter(String name, String type, Optional<String> defaultValue) {
    }

    public record AttributeDefinition(String name, String type) {
    }

    public record KeyElement(String attributeName, String keyType) {
    }

    public record Index(String name, List<KeyElement> keySchema, String projectionType, List<String> nonKeyAttributes) {
    }

    /** {@code streamViewType} when the table has a stream ({@code StreamSpecification}). */
    public record Table(String logicalId, List<AttributeDefinition> attributes, List<KeyElement> keySchema,
                        List<Index> globalIndexes, Optional<String> ttlAttribute, Optional<String> streamViewType) {
    }

    /** {@code deadLetterTarget} is the template's value, usually {@code !GetAtt Dlq.Arn}. */
    public record Redrive(Object deadLetterTarget, int maxReceiveCount) {
        public Optional<String> deadLetterQueueId() {
            return Intrinsic.targetOf(deadLetterTarget);
        }
    }

    /** {@code attributes} holds the SQS queue attributes the template sets (VisibilityTimeout, ...), redrive aside. */
    public record Queue(String logicalId, Map<String, String> attributes, Optional<Redrive> redrive) {
        public boolean fifo() {
            return Boolean.parseBoolean(attributes.getOrDefault("FifoQueue", "false"));
        }
    }

    public record Topic(String logicalId, boolean fifo) {
    }

    public record Subscription(String logicalId, Object topic, String protocol, Object endpoint,
                               boolean rawMessageDelivery, Optional<Map<String, Object>> filterPolicy,
                               Optional<String> filterPolicyScope) {
    }

    /** {@code secretString} when the template sets the value, else {@code generate} describes CloudFormation's generator. */
    public record Secret(String logicalId, Optional<Object> secretString, Optional<Generate> generate) {
    }

    /** {@code GenerateSecretString}: a random password, alone or as {@code generateStringKey} in the JSON template. */
    public record Generate(Optional<String> secretStringTemplate, Optional<String> generateStringKey, int passwordLength,
                           boolean excludePunctuation) {
    }

    /** An HTTP API's JWT authorizer (its OpenAPI security scheme); the local cloud replaces the issuer with its own. */
    public record JwtAuthorizer(String name, Object issuer, List<Object> audience) {
    }

    /**
     * A route of the HTTP API's OpenAPI body: {@code function} is the logical id of the {@code AWS::Lambda::Function} its
     * integration invokes; {@code method} is {@code ANY} for {@code x-amazon-apigateway-any-method}.
     */
    public record HttpRoute(String method, String path, String function, Optional<String> authorizer,
                            List<String> authorizationScopes) {
        /** API Gateway's route key: {@code POST /v1/webhooks/{source}}. */
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** An {@code AWS::Lambda::EventSourceMapping} from an SQS queue ({@code queue} as written: {@code !GetAtt Q.Arn}). */
    public record SqsSource(String logicalId, String function, Object queue, int batchSize, boolean reportBatchItemFailures) {
        public Optional<String> queueId() {
            return Intrinsic.targetOf(queue);
        }
    }

    /**
     * An {@code AWS::Lambda::EventSourceMapping} from a DynamoDB table's stream: {@code filterPatterns} the JSON patterns
     * of its FilterCriteria, {@code maximumRetryAttempts} negative for unlimited, {@code onFailure} the on-failure
     * destination's value as written.
     */
    public record StreamSource(String logicalId, String function, String tableId, int batchSize, String startingPosition,
                               boolean reportBatchItemFailures, int maximumRetryAttempts, List<String> filterPatterns,
                               Optional<Object> onFailure) {
    }

    /**
     * A schedule ({@code AWS::Events::Rule} or {@code AWS::Scheduler::Schedule}) that invokes {@code function};
     * {@code rate} is empty for cron expressions, which run locally only when triggered by hand.
     */
    public record Schedule(String logicalId, String function, String expression, Optional<Duration> rate) {
    }

    /** A function with its {@code Globals} merged in: handler {@code class::method}, environment unresolved. */
    public record Function(String logicalId, String handler, Map<String, Object> environment, int timeoutSeconds) {
        public String handlerClass() {
            return Specs.handlerClass(handler);
        }

        public String handlerMethod() {
            int separator = handler.indexOf("::");
            return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        }
    }

    /** The class of a Java handler string, {@code class::method} or {@code class}. */
    static String handlerClass(String handler) {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /**
     * An {@code AWS::Lambda::Function} of the transformed template: what Lambda runs ({@code Handler}, {@code MemorySize},
     * {@code Timeout}, {@code Environment}, the role's reference) and its code's S3 key (the local transform puts the
     * CodeUri there).
     */
    public record LambdaFunction(String logicalId, String handler, int memoryMb, int timeoutSeconds, String codeKey,
                                 Map<String, Object> environment, Object role) {
        public String handlerClass() {
            return Specs.handlerClass(handler);
        }

        public Optional<String> roleId() {
            return Intrinsic.targetOf(role);
        }
    }

    /** An {@code AWS::IAM::Role}: its trust policy, inline policies (name to document) and managed policy ARNs, unresolved. */
    public record Role(String logicalId, Object assumeRolePolicy, Map<String, Object> policies, List<Object> managedPolicyArns) {
    }
}
