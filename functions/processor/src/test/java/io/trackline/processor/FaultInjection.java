package io.trackline.processor;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Turns DynamoDB answers into throttling (400 ThrottlingException) or 500 InternalServerError, for the attempts a rule
 * picks, so the SDK's own retries and the handler's failure reporting are exercised against the real emulator. The
 * request has reached moto already: a "failed" write may have happened, which is harsher than real throttling.
 */
final class FaultInjection implements ExecutionInterceptor {
    private static final ExecutionAttribute<Integer> ATTEMPT = new ExecutionAttribute<>("trackline.attempt");

    /** Which attempt of which request fails, and how. */
    record Rule(Predicate<SdkRequest> requests, Predicate<Integer> attempts, int status, String errorType) {
        /** Every write's first attempt is throttled (reads too would only make the test slower, not stronger). */
        static Rule throttleFirstAttemptOfWrites() {
            return new Rule(r -> r.getClass().getSimpleName().matches("(Put|Update|Delete|TransactWrite)Item(s)?Request"),
                    attempt -> attempt == 1, 400, "ThrottlingException");
        }

        static Rule alwaysFail(Predicate<SdkRequest> requests) {
            return new Rule(requests, attempt -> true, 500, "InternalServerError");
        }
    }

    private volatile Rule rule;
    final AtomicInteger injected = new AtomicInteger();

    void inject(Rule newRule) {
        rule = newRule;
    }

    void stop() {
        rule = null;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Integer previous = attributes.getAttribute(ATTEMPT);
        attributes.putAttribute(ATTEMPT, previous == null ? 1 : previous + 1);
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!applies(context.request(), attributes)) return context.httpResponse();
        injected.incrementAndGet();
        return context.httpResponse().toBuilder().statusCode(rule.status())
                .removeHeader("x-amz-crc32")
                .putHeader("x-amzn-ErrorType", rule.errorType())
                .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (context.httpResponse().statusCode() < 400 || rule == null || !rule.errorType().equals(
                context.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(""))) {
            return context.responseBody();
        }
        String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + rule.errorType() + "\",\"message\":\"injected\"}";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private boolean applies(SdkRequest request, ExecutionAttributes attributes) {
        Rule current = rule;
        return current != null && "DynamoDb".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                && current.requests().test(request) && current.attempts().test(attributes.getAttribute(ATTEMPT));
    }
}
