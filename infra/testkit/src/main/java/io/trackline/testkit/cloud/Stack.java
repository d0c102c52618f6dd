package io.trackline.testkit.cloud;

import java.util.List;
import java.util.Map;

/**
 * What the provisioner created, by logical id: table names, queue URLs and ARNs, topic ARNs, subscription ARNs,
 * secret ARNs, and the template's resources that have no local emulation.
 */
public record Stack(Map<String, String> tables, Map<String, Queue> queues, Map<String, String> topics,
                    Map<String, String> subscriptions, Map<String, String> secrets, List<String> notEmulated) {

    public record Queue(String url, String arn, String name) {
    }

    public Queue queue(String logicalId) {
        Queue queue = queues.get(logicalId);
        if (queue == null) throw new IllegalArgumentException("no queue " + logicalId + " in the template");
        return queue;
    }

    public Queue queueByArn(String arn) {
        return queues.values().stream().filter(q -> q.arn().equals(arn)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue with ARN " + arn + " in the template"));
    }
}
