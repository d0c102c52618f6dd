package io.trackline.notifier;

import io.trackline.domain.alerts.Preferences;
import io.trackline.domain.alerts.Trigger;
import io.trackline.testkit.cloud.TemplateStack;
import io.trackline.testkit.template.Specs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** template.yaml's NotificationSubscription lets through the alerts a customer gets, and nothing meant for others. */
class SubscriptionContractTest {
    @Test
    void shouldNeverHandAnEstimateChangeToTheNotifier_whenTheTopicFiltersItsSubscription() {
        Specs.Subscription subscription = TemplateStack.template().subscriptions().stream()
                .filter(s -> s.logicalId().equals("NotificationSubscription")).findFirst().orElseThrow();
        List<?> triggers = (List<?>) subscription.filterPolicy().orElseThrow().get("trigger");

        assertThat(triggers).map(Object::toString).doesNotContain(Trigger.ETA_CHANGED.name())
                .containsExactlyInAnyOrderElementsOf(Preferences.DEFAULT_ALERTS.stream().map(Trigger::name).toList());
    }
}
