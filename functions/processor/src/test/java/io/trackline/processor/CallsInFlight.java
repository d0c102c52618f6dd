package io.trackline.processor;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many SDK calls were under way at once, at most, since the last {@link #reset}: a call counts from its start to
 * its answer or its failure, retries included.
 */
final class CallsInFlight implements ExecutionInterceptor {
    private static final ExecutionAttribute<Boolean> UNDER_WAY = new ExecutionAttribute<>("trackline.underWay");

    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    void reset() {
        most.set(now.get());
    }

    int most() {
        return most.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(UNDER_WAY, true);
        most.accumulateAndGet(now.incrementAndGet(), Math::max);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        ended(attributes);
    }

    /** Also after {@link #afterExecution} when a later interceptor throws there ({@link CrashAfterWrite}): counted once. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        ended(attributes);
    }

    private void ended(ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(UNDER_WAY))) {
            attributes.putAttribute(UNDER_WAY, false);
            now.decrementAndGet();
        }
    }
}
