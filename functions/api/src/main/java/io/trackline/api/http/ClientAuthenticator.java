package io.trackline.api.http;

import io.trackline.api.application.auth.ApiKey;
import io.trackline.api.application.auth.ApiKeyRegistry;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an {@code x-api-key} into its tenant. Lookups are cached per container for {@code ttl} (revocation takes effect
 * within it); unknown keys are cached for a shorter time, so a flood of bad keys does not become a flood of reads.
 */
public final class ClientAuthenticator {
    private static final int MAX_ENTRIES = 10_000;
    private final ApiKeyRegistry registry;
    private final Clock clock;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    public ClientAuthenticator(ApiKeyRegistry registry, Clock clock, Duration ttl) {
        this.registry = registry;
        this.clock = clock;
        this.ttl = ttl;
        this.negativeTtl = ttl.compareTo(Duration.ofSeconds(10)) < 0 ? ttl : Duration.ofSeconds(10);
    }

    /** @return the caller's tenant id */
    public String tenantOf(ApiRequest request) {
        String key = request.header("x-api-key").orElseThrow(Problems::missingApiKey);
        if (!ApiKey.isWellFormed(key)) throw Problems.invalidApiKey();
        String hash = ApiKey.hash(key);
        Instant now = clock.instant();
        Entry entry = cache.get(hash);
        if (entry == null || now.isAfter(entry.expiresAt())) {
            entry = load(hash, now);
        }
        return entry.tenantId().orElseThrow(Problems::invalidApiKey);
    }

    private Entry load(String hash, Instant now) {
        Optional<String> tenant = registry.find(hash).filter(k -> !k.revoked()).map(ApiKeyRegistry.Registered::tenantId);
        Entry entry = new Entry(tenant, now.plus(tenant.isPresent() ? ttl : negativeTtl));
        if (cache.size() >= MAX_ENTRIES) cache.clear();
        cache.put(hash, entry);
        return entry;
    }

    private record Entry(Optional<String> tenantId, Instant expiresAt) {
    }
}
