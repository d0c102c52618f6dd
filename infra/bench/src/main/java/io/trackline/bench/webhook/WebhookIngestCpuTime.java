package io.trackline.bench.webhook;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The JMH benchmark's work measured in CPU time of the benchmark thread rather than wall time: on a machine shared
 * with other builds, wall-clock throughput says more about the neighbours than about the code. Prints CPU µs per
 * webhook and the webhooks/s one core sustains. Run from the repository root:
 * {@code java -cp infra/bench/target/benchmarks.jar io.trackline.bench.webhook.WebhookIngestCpuTime}.
 */
public final class WebhookIngestCpuTime {
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 100_000;

    private WebhookIngestCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String source : new String[]{"native", "easypost", "aftership", "shippo"}) {
            WebhookIngestBenchmark benchmark = new WebhookIngestBenchmark();
            benchmark.source = source;
            benchmark.setUp();
            for (int i = 0; i < WARM_UP; i++) benchmark.verifyParseNormalise();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < MEASURED; i++) benchmark.verifyParseNormalise();
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            System.out.printf("%-10s %6.1f µs CPU per webhook  ->  %,8.0f webhooks/s on one core%n",
                    source, cpu / 1e3 / MEASURED, MEASURED * 1e9 / cpu);
        }
    }
}
