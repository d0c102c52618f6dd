package io.trackline.domain;

import java.security.SecureRandom;

/** Unguessable identifiers: base62 from a {@link SecureRandom}, so ids reveal neither order nor count. */
public final class RandomIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    /** {@code prefix} and 22 base62 characters (131 bits). */
    public static String next(String prefix) {
        return prefix + base62(RANDOM, 22);
    }

    public static String base62(SecureRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        return new String(out);
    }
}
