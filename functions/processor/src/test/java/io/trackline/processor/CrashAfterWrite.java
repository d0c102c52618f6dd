package io.trackline.processor;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * While armed, the function "dies" right after DynamoDB committed a write of a shipment item: the change is stored, and
 * nothing after it in the function runs.
 */
final class CrashAfterWrite implements ExecutionInterceptor {
    volatile boolean armed;

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        boolean shipmentWrite = context.request() instanceof UpdateItemRequest update
                && "SHIPMENT".equals(update.key().get("SK").s())
                || context.request() instanceof TransactWriteItemsRequest;
        if (armed && shipmentWrite) throw new IllegalStateException("simulated crash after the write");
    }
}
