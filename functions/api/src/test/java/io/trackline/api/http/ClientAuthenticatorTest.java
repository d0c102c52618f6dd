package io.trackline.api.http;

import io.trackline.api.application.auth.ApiKey;
import io.trackline.api.application.auth.ApiKeyRegistry;
import io.trackline.domain.shipment.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAuthenticatorTest {
    private final CountingRegistry registry = new CountingRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final ClientAuthenticator authenticator = new ClientAuthenticator(registry, clock, Duration.ofSeconds(60));

    @Test
    void shouldReadTheRegistryOncePerTtl_whenTheSameKeyKeepsComing() {
        String key = registry.issue("tenant-x");

        for (int i = 0; i < 5; i++) assertThat(authenticator.tenantOf(request(key))).isEqualTo("tenant-x");

        assertThat(registry.reads).isEqualTo(1);
    }

    @Test
    void shouldRefuseARevokedKey_whenTheCacheTtlHasPassed() {
        String key = registry.issue("tenant-x");
        authenticator.tenantOf(request(key));
        registry.revoke(ApiKey.hash(key));

        clock.advance(Duration.ofSeconds(59));
        assertThat(authenticator.tenantOf(request(key))).isEqualTo("tenant-x");
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> authenticator.tenantOf(request(key))).isInstanceOf(ApiProblem.class).hasMessageContaining("api-key-invalid");
    }

    @Test
    void shouldAcceptANewKeyWithinTenSeconds_whenItWasTriedBeforeItExisted() {
        String key = ApiKey.generate();
        assertThatThrownBy(() -> authenticator.tenantOf(request(key))).hasMessageContaining("api-key-invalid");
        registry.add(ApiKey.hash(key), "tenant-y", "late", clock.instant());

        clock.advance(Duration.ofSeconds(11));

        assertThat(authenticator.tenantOf(request(key))).isEqualTo("tenant-y");
    }

    @Test
    void shouldNeverAskTheRegistry_whenTheKeyIsMissingOrMalformed() {
        assertThatThrownBy(() -> authenticator.tenantOf(request(null))).hasMessageContaining("api-key-required");
        assertThatThrownBy(() -> authenticator.tenantOf(request("tl_short"))).hasMessageContaining("api-key-invalid");
        assertThatThrownBy(() -> authenticator.tenantOf(request("Bearer " + ApiKey.generate()))).hasMessageContaining("api-key-invalid");

        assertThat(registry.reads).isZero();
    }

    @Test
    void shouldStoreOnlyTheHash_whenAKeyIsGenerated() {
        String key = ApiKey.generate();

        assertThat(key).matches("tl_[0-9A-Za-z]{40}");
        assertThat(ApiKey.hash(key)).matches("[0-9a-f]{64}").doesNotContain(key.substring(3));
    }

    private static ApiRequest request(String key) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("x-api-key", key);
        return new ApiRequest(Map.of(), Map.of(), headers, Map.of(), null);
    }

    private static final class CountingRegistry implements ApiKeyRegistry {
        private final Map<String, Registered> keys = new HashMap<>();
        int reads;

        String issue(String tenant) {
            String key = ApiKey.generate();
            add(ApiKey.hash(key), tenant, "test", Instant.EPOCH);
            return key;
        }

        @Override
        public Optional<Registered> find(String keyHash) {
            reads++;
            return Optional.ofNullable(keys.get(keyHash));
        }

        @Override
        public void add(String keyHash, String tenantId, String name, Instant createdAt) {
            keys.put(keyHash, new Registered(tenantId, name, false));
        }

        @Override
        public boolean revoke(String keyHash) {
            var key = keys.get(keyHash);
            keys.put(keyHash, new Registered(key.tenantId(), key.name(), true));
            return true;
        }
    }
}
