package io.trackline.local;

import io.trackline.domain.webhooks.DestinationPolicy;
import io.trackline.local.iam.LocalIam;
import io.trackline.local.lambda.InProcessFunction;
import io.trackline.local.lambda.LocalFunction;
import io.trackline.local.runtime.FunctionConfiguration;
import io.trackline.local.runtime.LocalLambda;
import io.trackline.testkit.cloud.LocalAws;
import io.trackline.testkit.template.Intrinsic;
import io.trackline.testkit.template.Resolver;
import io.trackline.testkit.template.Specs;
import io.trackline.testkit.template.Template;
import io.trackline.testkit.template.TemplateException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** How the local cloud makes each function of the template (LocalCloudOptions.Functions). */
sealed interface Functions {
    LocalFunction create(Specs.Function spec, Resolver resolver);

    /** In this JVM, with the emulator's credentials; one invocation at a time across all functions. */
    record InProcess(LocalAws aws, Lock invocations, UnaryOperator<String> local) implements Functions {
        @Override
        public LocalFunction create(Specs.Function spec, Resolver resolver) {
            Map<String, String> settings = aws.settings(resolved(spec.environment(), resolver, spec.logicalId(), local));
            settings.put("AWS_LAMBDA_FUNCTION_NAME", name(spec.logicalId(), resolver));
            return InProcessFunction.create(spec.logicalId(), arn(spec.logicalId(), resolver), spec.handlerClass(),
                    spec.handlerMethod(), spec.timeoutSeconds(), settings, invocations);
        }
    }

    /**
     * Under Lambda's Java runtime, configured as the transform configures the {@code AWS::Lambda::Function}: handler,
     * memory, timeout, environment, code (its CodeUri: transform.py writes its absolute path as the S3 key) and role, whose
     * credentials the process gets when IAM is enforced (else the local cloud's own).
     */
    record Lambda(LocalLambda lambda, Template transformed, Optional<LocalIam> iam, LocalAws aws, UnaryOperator<String> local)
            implements Functions {
        @Override
        public LocalFunction create(Specs.Function spec, Resolver resolver) {
            Specs.LambdaFunction function = transformed.lambdaFunctions().stream()
                    .filter(f -> f.logicalId().equals(spec.logicalId())).findFirst()
                    .orElseThrow(() -> new TemplateException("the transform made no AWS::Lambda::Function " + spec.logicalId()));
            String name = name(spec.logicalId(), resolver);
            var configuration = new FunctionConfiguration(name, arn(spec.logicalId(), resolver), function.handler(),
                    function.memoryMb(), function.timeoutSeconds(), Path.of("/").resolve(function.codeKey()),
                    resolved(function.environment(), resolver, spec.logicalId(), local));
            Map<String, String> endpoint = Map.of("AWS_ENDPOINT_URL", aws.endpoint().toString(), "AWS_REGION", aws.region(),
                    "AWS_DEFAULT_REGION", aws.region());
            Supplier<Map<String, String>> credentials = iam.isPresent()
                    ? iam.get().credentialsOf(function.roleId().orElseThrow(() -> new TemplateException(
                            spec.logicalId() + ".Properties.Role should be !GetAtt <role>.Arn")), name)
                    : () -> {
                        Map<String, String> keys = new LinkedHashMap<>(aws.settings(Map.of()));
                        keys.keySet().retainAll(java.util.Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"));
                        return keys;
                    };
            return lambda.create(configuration, () -> {
                Map<String, String> given = new LinkedHashMap<>(endpoint);
                given.putAll(credentials.get());
                return given;
            });
        }
    }

    private static String name(String logicalId, Resolver resolver) {
        return resolver.string(new Intrinsic.Ref(logicalId), logicalId);
    }

    private static String arn(String logicalId, Resolver resolver) {
        return resolver.string(new Intrinsic.GetAtt(logicalId, "Arn"), logicalId);
    }

    /**
     * The function's variables, references resolved; {@code local} points the stack's own API URL at the gateway. Locally
     * only (never in template.yaml), webhooks to API clients may go to {@code http://127.0.0.1:<port>}, so a developer
     * receives them on their machine (README "Webhooks to API clients", SSRF).
     */
    private static Map<String, String> resolved(Map<String, Object> environment, Resolver resolver, String function,
                                                UnaryOperator<String> local) {
        Map<String, String> values = new LinkedHashMap<>();
        environment.forEach((name, value) ->
                values.put(name, local.apply(resolver.string(value, function + ".Environment." + name))));
        values.put(DestinationPolicy.LOOPBACK_SETTING, "true");
        return values;
    }
}
