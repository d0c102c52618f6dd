package io.trackline.testkit.engine;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Counts AWS calls by service and operation, and keeps every DynamoDB request for cost estimates. */
public final class AwsCallCounter implements ExecutionInterceptor {
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final List<SdkRequest> dynamoRequests = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(service + ":" + operation, k -> new AtomicLong()).incrementAndGet();
        if ("DynamoDb".equals(service)) dynamoRequests.add(context.request());
    }

    /** "Service:Operation" → number of calls, sorted. */
    public Map<String, Long> calls() {
        Map<String, Long> sorted = new TreeMap<>();
        calls.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }

    public long count(String serviceOperation) {
        AtomicLong n = calls.get(serviceOperation);
        return n == null ? 0 : n.get();
    }

    public long total() {
        return calls.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public List<SdkRequest> dynamoRequests() {
        return List.copyOf(dynamoRequests);
    }
}
