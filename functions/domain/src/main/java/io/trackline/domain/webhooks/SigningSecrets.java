package io.trackline.domain.webhooks;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An endpoint's signing secrets: the current one and, for {@link #OVERLAP} after a rotation, the previous one, so a
 * receiver that still verifies with the old secret keeps accepting deliveries while it switches.
 */
public record SigningSecrets(String current, String previous, Instant previousUntil) {
    public static final Duration OVERLAP = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    public SigningSecrets {
        Objects.requireNonNull(current, "current");
        if ((previous == null) != (previousUntil == null)) throw new IllegalArgumentException("previous needs its end");
    }

    /** A fresh {@code whsec_} secret: 32 random bytes, base64. */
    public static SigningSecrets generate() {
        return new SigningSecrets(newSecret(), null, null);
    }

    public SigningSecrets rotate(Instant now) {
        return new SigningSecrets(newSecret(), current, now.plus(OVERLAP));
    }

    /** The secrets a delivery at {@code now} is signed with, newest first. */
    public List<String> active(Instant now) {
        return previous != null && now.isBefore(previousUntil) ? List.of(current, previous) : List.of(current);
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return StandardWebhooks.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Never the secrets themselves: records print their components, and logs must not hold them. */
    @Override
    public String toString() {
        return "SigningSecrets[" + (previous == null ? "one" : "two until " + previousUntil) + "]";
    }
}
