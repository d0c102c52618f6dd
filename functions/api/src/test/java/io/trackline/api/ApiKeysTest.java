package io.trackline.api;

import io.trackline.api.application.auth.ApiKey;
import io.trackline.api.application.auth.ApiKeyRegistry;
import io.trackline.aws.Settings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {
    private final Map<String, ApiKeyRegistry.Registered> stored = new HashMap<>();
    private final ApiKeys keys = new ApiKeys(new ApiKeyRegistry() {
        @Override
        public Optional<Registered> find(String keyHash) {
            return Optional.ofNullable(stored.get(keyHash));
        }

        @Override
        public void add(String keyHash, String tenantId, String name, Instant createdAt) {
            stored.put(keyHash, new Registered(tenantId, name, false));
        }

        @Override
        public boolean revoke(String keyHash) {
            var key = stored.get(keyHash);
            if (key == null) return false;
            stored.put(keyHash, new Registered(key.tenantId(), key.name(), true));
            return true;
        }
    }, Clock.systemUTC());

    @Test
    void shouldStoreOnlyTheHashOfTheNewKey_whenAKeyIsCreated() {
        String key = keys.create("acme", "warehouse");

        assertThat(stored).containsOnlyKeys(ApiKey.hash(key));
        assertThat(stored.values()).allSatisfy(v -> assertThat(v.toString()).doesNotContain(key));
    }

    @Test
    void shouldRevokeByKeyOrByHash_whenAsked() {
        String first = keys.create("acme", "one");
        String second = keys.create("acme", "two");

        assertThat(keys.revoke(first)).isTrue();
        assertThat(keys.revoke(ApiKey.hash(second))).isTrue();
        assertThat(keys.revoke(ApiKey.generate())).isFalse();
        assertThat(stored.values()).allMatch(ApiKeyRegistry.Registered::revoked);
    }

    @Test
    void shouldRefuse_whenTheTenantOrUsageIsWrong() {
        var err = new ByteArrayOutputStream();

        assertThatThrownBy(() -> keys.create("a#b", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ApiKeys.run(new String[]{"delete", "x"}, Settings.of(Map.of()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("usage");
    }

    @Test
    void shouldSayWhatIsMissing_whenNoRegionIsGivenForAws() {
        var err = new ByteArrayOutputStream();

        assertThat(ApiKeys.run(new String[]{"create", "tenant-1", "ops"},
                Settings.of(Map.of("TABLE_NAME", "TrackingTable", "AWS_PROFILE", "trackline-no-such-profile")),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("no AWS region").contains("AWS_REGION").contains("AWS_DEFAULT_REGION");
    }
}
