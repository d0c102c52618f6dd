package io.trackline.api.application.auth;

import io.trackline.domain.RandomIds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An API key as a client sends it: {@code tl_} and 40 base62 characters (238 random bits). Only its SHA-256 is ever
 * stored; a high-entropy key needs no slow hash, and the lookup by hash compares no secret in Java at all.
 */
public final class ApiKey {
    private static final Pattern FORMAT = Pattern.compile("tl_[0-9A-Za-z]{40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKey() {
    }

    public static String generate() {
        return "tl_" + RandomIds.base62(RANDOM, 40);
    }

    public static boolean isWellFormed(String key) {
        return key != null && FORMAT.matcher(key).matches();
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
