package io.trackline.engine.dynamodb;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.concurrent.locks.ReentrantLock;

/**
 * moto is not thread-safe: this interceptor lets one request at a time reach it, while threads still interleave between
 * requests (read, other writer, write), which is the race the tests are about.
 */
public final class SerialisedAccess implements ExecutionInterceptor {
    private static final ReentrantLock LOCK = new ReentrantLock();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        LOCK.lock();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (LOCK.isHeldByCurrentThread()) LOCK.unlock();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        while (LOCK.isHeldByCurrentThread()) LOCK.unlock();
    }
}
