package io.trackline.local;

import io.trackline.testkit.template.Specs;
import io.trackline.testkit.template.Template;
import io.trackline.testkit.template.TemplateException;
import io.trackline.notifier.MessageLifetime;
import io.trackline.notifier.NotifierHandler;
import io.trackline.notifier.adapter.dynamodb.DynamoDbNotificationLedger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link MessageLifetime} (a notification message must outlive its own claim lease) off the transformed template
 * ({@link io.trackline.testkit.template.SamTransform}) for every queue whose event source mapping feeds the notifier's
 * function: the queue's visibility timeout (or the local cloud's override), its {@code maxReceiveCount}, the function's
 * {@code Timeout} and its {@code CLAIM_LEASE} (or the ledger's default).
 */
public final class NotifierLeaseCheck {
    private static final Duration SQS_DEFAULT_VISIBILITY = Duration.ofSeconds(30);

    private NotifierLeaseCheck() {
    }

    /** The lifetimes as configured: {@code visibilityOverride} empty means AWS's values, the template's own. */
    public static List<MessageLifetime> lifetimes(Template transformed, Optional<Duration> visibilityOverride) {
        List<MessageLifetime> lifetimes = new ArrayList<>();
        for (Specs.LambdaFunction function : transformed.lambdaFunctions()) {
            if (!function.handlerClass().equals(NotifierHandler.class.getName())) continue;
            Duration lease = Optional.ofNullable(function.environment().get("CLAIM_LEASE"))
                    .map(value -> Duration.parse(value.toString())).orElse(DynamoDbNotificationLedger.DEFAULT_LEASE);
            for (Specs.SqsSource source : transformed.triggers().queues()) {
                if (!source.function().equals(function.logicalId())) continue;
                String queueId = source.queueId().orElseThrow(() -> new TemplateException(
                        source.logicalId() + ".Properties.EventSourceArn should be !GetAtt <queue>.Arn"));
                Specs.Queue queue = transformed.queues().stream().filter(q -> q.logicalId().equals(queueId)).findFirst()
                        .orElseThrow(() -> new TemplateException("no queue " + queueId + " in the template"));
                Duration visibility = visibilityOverride.orElseGet(() -> Optional.ofNullable(queue.attributes().get("VisibilityTimeout"))
                        .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(SQS_DEFAULT_VISIBILITY));
                // No redrive policy: SQS keeps retrying until the retention period ends, far beyond any lease.
                queue.redrive().ifPresent(redrive -> lifetimes.add(new MessageLifetime(visibility, redrive.maxReceiveCount(),
                        lease, Duration.ofSeconds(function.timeoutSeconds()))));
            }
        }
        return lifetimes;
    }

    /** @throws TemplateException (one line, what to fix) when a notification could reach its DLQ before its lease ends */
    public static void check(Template transformed, Optional<Duration> visibilityOverride) {
        for (MessageLifetime lifetime : lifetimes(transformed, visibilityOverride)) {
            try {
                lifetime.check(visibilityOverride.isPresent() ? "local cloud (every queue's visibility "
                        + visibilityOverride.get().toSeconds() + " s)" : "template.yaml");
            } catch (IllegalStateException e) {
                throw new TemplateException(e.getMessage());
            }
        }
    }
}
