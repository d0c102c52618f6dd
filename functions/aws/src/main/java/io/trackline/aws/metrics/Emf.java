package io.trackline.aws.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch metrics as Embedded Metric Format log lines: one JSON line per {@link Line#emit()}, which CloudWatch Logs
 * turns into metrics of one namespace, with no API call and no extra permission. Counts only.
 */
public final class Emf {
    private final String namespace;
    private final PrintStream out;
    private final Clock clock;

    public Emf(String namespace, PrintStream out, Clock clock) {
        this.namespace = namespace;
        this.out = out;
        this.clock = clock;
    }

    /** Writes to the function's log (standard output). */
    public static Emf toLog(String namespace) {
        return new Emf(namespace, System.out, Clock.systemUTC());
    }

    public Line line() {
        return new Line();
    }

    /** One log line: dimension values, the dimension sets to aggregate by, and counts. */
    public final class Line {
        private final ObjectNode values = Json.mapper().createObjectNode();
        private final List<List<String>> dimensionSets = new ArrayList<>();
        private final List<String> metrics = new ArrayList<>();

        private Line() {
        }

        public Line dimension(String name, String value) {
            values.put(name, value);
            return this;
        }

        /** Aggregate the counts by these dimensions (several sets allowed; none: the namespace total only). */
        public Line by(String... dimensions) {
            dimensionSets.add(List.of(dimensions));
            return this;
        }

        public Line count(String metric, long value) {
            metrics.add(metric);
            values.put(metric, value);
            return this;
        }

        public void emit() {
            ObjectNode line = Json.mapper().createObjectNode();
            ObjectNode directive = line.putObject("_aws").put("Timestamp", clock.millis())
                    .putArray("CloudWatchMetrics").addObject().put("Namespace", namespace);
            ArrayNode dimensions = directive.putArray("Dimensions");
            if (dimensionSets.isEmpty()) dimensions.addArray();
            for (List<String> set : dimensionSets) {
                ArrayNode names = dimensions.addArray();
                set.forEach(names::add);
            }
            ArrayNode definitions = directive.putArray("Metrics");
            for (String metric : metrics) definitions.addObject().put("Name", metric).put("Unit", "Count");
            line.setAll(values);
            out.println(line);
        }
    }
}
