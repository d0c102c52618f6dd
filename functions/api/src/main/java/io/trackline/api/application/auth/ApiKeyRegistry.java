package io.trackline.api.application.auth;

import java.time.Instant;
import java.util.Optional;

/** Where API keys are kept, by the SHA-256 of the key; the key itself is never stored. */
public interface ApiKeyRegistry {
    Optional<Registered> find(String keyHash);

    void add(String keyHash, String tenantId, String name, Instant createdAt);

    /** @return false when no key has this hash */
    boolean revoke(String keyHash);

    record Registered(String tenantId, String name, boolean revoked) {
    }
}
