package io.trackline.hooks;

import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.webhooks.EventType;
import io.trackline.domain.webhooks.RetrySchedule;
import io.trackline.testkit.cloud.TemplateStack;
import io.trackline.testkit.template.Specs;
import io.trackline.testkit.template.Template;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml's webhook queues and subscription say what the code decides. */
class TemplateContractTest {
    private final Template template = TemplateStack.template();

    @Test
    void shouldSubscribeExactlyTheTriggersThatMapToAnEventType_whenTheTemplateFiltersTheTopic() {
        Specs.Subscription subscription = template.subscriptions().stream()
                .filter(s -> s.logicalId().equals("WebhookEventsSubscription")).findFirst().orElseThrow();
        List<?> filtered = (List<?>) subscription.filterPolicy().orElseThrow().get("trigger");

        assertThat(subscription.rawMessageDelivery()).isTrue();
        assertThat(filtered).map(Object::toString).containsExactlyInAnyOrderElementsOf(Arrays.stream(Trigger.values())
                .filter(t -> EventType.forTrigger(t).isPresent()).map(Trigger::name).toList());
    }

    @Test
    void shouldNeverDeadLetterADeliveryStillOnItsSchedule_whenEveryAttemptFails() {
        Specs.Queue deliveries = template.queues().stream().filter(q -> q.logicalId().equals("WebhookDeliveryQueue"))
                .findFirst().orElseThrow();

        assertThat(deliveries.redrive().orElseThrow().maxReceiveCount()).isGreaterThan(RetrySchedule.MOST_ATTEMPTS);
        assertThat(deliveries.attributes().get("MessageRetentionPeriod")).isEqualTo("1209600");
    }

    @Test
    void shouldLetOnlyTheLocalCloudAllowLoopbackReceivers_whenTheTemplateIsDeployed() {
        assertThat(template.functions()).allSatisfy(f ->
                assertThat(f.environment()).doesNotContainKeys("WEBHOOK_ALLOW_LOOPBACK_HTTP", "WEBHOOK_RETRY_SCALE"));
    }
}
