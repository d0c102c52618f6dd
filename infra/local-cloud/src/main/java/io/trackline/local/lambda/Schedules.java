package io.trackline.local.lambda;

import io.trackline.aws.log.Log;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * EventBridge schedules: each {@code rate(...)} runs its function at that rate (first run one period after start, as a
 * new rule does), with EventBridge's "Scheduled Event" payload. {@link #trigger} runs one now, for tests and demos.
 */
public final class Schedules implements AutoCloseable {
    private static final Log LOG = Log.of(Schedules.class);

    public record Entry(LocalFunction function, String ruleName, Optional<Duration> rate) {
    }

    private final Map<String, Entry> byFunction = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("schedules").factory());
    private final String region;
    private final String accountId;

    public Schedules(List<Entry> entries, String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
        entries.forEach(e -> byFunction.put(e.function().name(), e));
    }

    public Schedules start() {
        byFunction.values().forEach(entry -> entry.rate().ifPresent(rate -> timer.scheduleAtFixedRate(() -> {
            try {
                trigger(entry.function().name());
            } catch (RuntimeException e) {
                LOG.error("scheduled run failed", "function", entry.function().name(), "error", e.getMessage());
            }
        }, rate.toMillis(), rate.toMillis(), TimeUnit.MILLISECONDS)));
        return this;
    }

    public boolean has(String function) {
        return byFunction.containsKey(function);
    }

    public List<String> functions() {
        return List.copyOf(byFunction.keySet());
    }

    /**
     * Runs the function's schedule now.
     *
     * @throws IllegalArgumentException when the function has no schedule
     * @throws LocalFunction.FunctionFailed when the handler throws
     */
    public Object trigger(String function) {
        Entry entry = byFunction.get(function);
        if (entry == null) throw new IllegalArgumentException(function + " has no schedule");
        return entry.function().invoke(event(entry.ruleName()));
    }

    private Map<String, Object> event(String ruleName) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", accountId);
        event.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.put("resources", List.of("arn:aws:events:" + region + ":" + accountId + ":rule/" + ruleName));
        event.put("detail", Map.of());
        return event;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
