package io.trackline.bench.api;

import io.trackline.testkit.api.Cloud;
import io.trackline.testkit.api.ApiSeed;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Bench command: cold start of the API function, from a fresh JVM to its first "Track package" response, on
 * {@code functions/api/target/function.jar} with Lambda's JAVA_TOOL_OPTIONS (template.yaml Globals). Starts moto,
 * seeds a shipment with 50 scans, runs {@link ColdStartProbe} {@code runs} times and prints each run and the median.
 * Target: under 1.5 s. Run from the repository root:
 * {@code java -cp infra/bench/target/benchmarks.jar io.trackline.bench.api.ColdStart [runs]}.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of("functions/api/target/function.jar");
        Path probeClasses = Path.of("infra/bench/target/classes");
        if (!Files.exists(jar)) throw new IllegalStateException("build first: " + jar + " is missing");
        try (var cloud = new Cloud()) {
            var seed = new ApiSeed(cloud.dynamo, Cloud.TABLE);
            var shipment = seed.shipment("acme", "A-1001", "cust-demo-alice").save();
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(5);
            for (int i = 0; i < 50; i++) seed.scan(shipment.id, start.plusHours(2L * i), "IN_TRANSIT", "City " + i, "Arrived at facility");
            String endpoint = cloud.apiSettings().endpoint().orElseThrow().toString();
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Long> totals = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                long spawned = System.currentTimeMillis();
                var process = new ProcessBuilder(javaBin, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                        "-cp", jar + File.pathSeparator + probeClasses, ColdStartProbe.class.getName(),
                        endpoint, Cloud.TABLE, shipment.id, shipment.customerId, cloud.shipmentEventsTopicArn).redirectErrorStream(true).start();
                String line = null;
                try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                    for (String l; (l = out.readLine()) != null; ) if (l.startsWith("status=")) line = l;
                }
                process.waitFor();
                long wall = System.currentTimeMillis() - spawned;
                if (line == null || !line.startsWith("status=200")) throw new IllegalStateException("probe failed: " + line);
                System.out.println("run " + (run + 1) + ": " + line + " wallFromSpawn=" + wall + " ms");
                totals.add(wall);
                cpu.add(Long.parseLong(line.substring(line.indexOf("cpu=") + 4)));
            }
            totals.sort(null);
            cpu.sort(null);
            System.out.println("median fresh JVM to first response (wall, ms): " + totals.get(totals.size() / 2)
                    + "; median process CPU (ms, all threads): " + cpu.get(cpu.size() / 2)
                    + "; load average: " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
