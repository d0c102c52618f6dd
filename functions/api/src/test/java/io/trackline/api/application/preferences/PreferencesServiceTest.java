package io.trackline.api.application.preferences;

import io.trackline.api.http.PreferencesInput;
import io.trackline.api.application.Refusal;
import io.trackline.api.http.ApiProblem;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreferencesServiceTest {
    private final Map<String, NotificationPreferences> saved = new HashMap<>();
    private final List<String> subscribed = new ArrayList<>();
    private final List<String> unsubscribed = new ArrayList<>();
    private boolean storeFails;
    private int emailSubscriptionsLeft = Integer.MAX_VALUE;

    private final PreferencesService service = new PreferencesService(new PreferencesStore() {
        @Override
        public Optional<NotificationPreferences> find(String customerId) {
            return Optional.ofNullable(saved.get(customerId));
        }

        @Override
        public void save(String customerId, NotificationPreferences preferences) {
            if (storeFails) throw new IllegalStateException("table unavailable");
            saved.put(customerId, preferences);
        }

        @Override
        public boolean countEmailSubscription(String customerId, java.time.Instant now) {
            if (emailSubscriptionsLeft == 0) return false;
            emailSubscriptionsLeft--;
            return true;
        }
    }, new EmailSubscriptions() {
        @Override
        public String subscribe(String customerId, String email) {
            subscribed.add(email);
            return "arn:sub:" + customerId;
        }

        @Override
        public void unsubscribe(String subscriptionId) {
            unsubscribed.add(subscriptionId);
        }
    }, Clock.systemUTC());

    @Test
    void shouldSubscribeOnceAndUnsubscribe_whenEmailIsTurnedOnTwiceThenOff() {
        service.replace("alice", wanted("SMS", "EMAIL"), Optional.of("alice@example.com"));
        service.replace("alice", wanted("EMAIL"), Optional.of("alice@example.com"));
        service.replace("alice", wanted("SMS"), Optional.empty());

        assertThat(subscribed).containsExactly("alice@example.com");
        assertThat(unsubscribed).containsExactly("arn:sub:alice");
        assertThat(saved.get("alice").emailSubscriptionArn()).isNull();
    }

    @Test
    void shouldAnswer429AndSubscribeNoMore_whenEmailIsTurnedOnMoreOftenThanTheDailyCap() {
        // given (issue 16, finding 6) a cap of 3 subscriptions a day, and email turned on and off with a new address each time
        emailSubscriptionsLeft = 3;
        for (int i = 1; i <= 3; i++) {
            service.replace("alice", wanted("EMAIL"), Optional.of("alice" + i + "@example.com"));
            service.replace("alice", wanted("SMS"), Optional.empty());
        }

        // when email is turned on a fourth time
        assertThatThrownBy(() -> service.replace("alice", wanted("EMAIL"), Optional.of("alice4@example.com")))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    ApiProblem p = ApiProblem.of(r);
                    assertThat(p.problem().status()).isEqualTo(429);
                    assertThat(p.problem().type()).isEqualTo("https://trackline.dev/problems/too-many-requests");
                    assertThat(Long.parseLong(p.headers().get("retry-after"))).isBetween(1L, 86_400L);
                });

        // then no fourth subscription, the preferences are unchanged, and turning email off stays possible
        assertThat(subscribed).containsExactly("alice1@example.com", "alice2@example.com", "alice3@example.com");
        assertThat(saved.get("alice").channels()).containsExactly("SMS");
        service.replace("alice", wanted(), Optional.empty());
        assertThat(saved.get("alice").channels()).isEmpty();
    }

    @Test
    void shouldLeaveNoSubscriptionBehind_whenSavingFailsAfterSubscribing() {
        storeFails = true;

        assertThatThrownBy(() -> service.replace("bob", wanted("EMAIL"), Optional.of("bob@example.com")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(unsubscribed).containsExactly("arn:sub:bob");
    }

    @Test
    void shouldAskForAnAddress_whenEmailIsTurnedOnWithoutOne() {
        assertThatThrownBy(() -> service.replace("carol", wanted("EMAIL"), Optional.empty()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(ApiProblem.of(r)).hasMessageContaining("invalid-field"));
        assertThat(subscribed).isEmpty();
        assertThat(saved).isEmpty();
    }

    private static NotificationPreferences wanted(String... channels) {
        return new PreferencesInput(List.of(channels), List.of("DELIVERED"), null, null, null, null).validated();
    }
}
