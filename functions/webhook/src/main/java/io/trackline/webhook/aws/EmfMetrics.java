package io.trackline.webhook.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;
import io.trackline.webhook.ingest.IngestMetrics;

import java.io.PrintStream;
import java.time.Clock;

/**
 * Metrics as CloudWatch Embedded Metric Format log lines (namespace {@value #NAMESPACE}): {@code accepted} and
 * {@code duplicates} by {@code source}; {@code rejected} by {@code source} and by {@code source} + {@code reason}.
 */
public final class EmfMetrics implements IngestMetrics {
    public static final String NAMESPACE = "Trackline/Webhooks";

    private final PrintStream out;
    private final Clock clock;

    public EmfMetrics(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void accepted(String source, int accepted, int duplicates) {
        ObjectNode line = line(new String[][]{{"source"}}, "accepted", "duplicates");
        line.put("source", source).put("accepted", accepted).put("duplicates", duplicates);
        out.println(line);
    }

    @Override
    public void rejected(String source, String reason) {
        ObjectNode line = line(new String[][]{{"source"}, {"source", "reason"}}, "rejected");
        line.put("source", source).put("reason", reason).put("rejected", 1);
        out.println(line);
    }

    private ObjectNode line(String[][] dimensionSets, String... metrics) {
        ObjectNode line = Json.mapper().createObjectNode();
        ObjectNode directive = line.putObject("_aws").put("Timestamp", clock.millis())
                .putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        ArrayNode dimensions = directive.putArray("Dimensions");
        for (String[] set : dimensionSets) {
            ArrayNode names = dimensions.addArray();
            for (String name : set) names.add(name);
        }
        ArrayNode definitions = directive.putArray("Metrics");
        for (String metric : metrics) definitions.addObject().put("Name", metric).put("Unit", "Count");
        return line;
    }
}
