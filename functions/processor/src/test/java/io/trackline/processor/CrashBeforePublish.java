package io.trackline.processor;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** While armed, the function "dies" right before each SNS publish: after its DynamoDB write, before the event leaves. */
final class CrashBeforePublish implements ExecutionInterceptor {
    volatile boolean armed;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (armed && "Publish".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            throw new IllegalStateException("simulated crash before publishing");
        }
    }
}
