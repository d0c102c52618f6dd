package io.trackline.api.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The signed-in customer, read only from the claims API Gateway's JWT authorizer validated (never from a header or the
 * body). The customer id is the token's {@code sub}.
 */
public final class CustomerIdentity {
    /** Printable ASCII without '#', which separates key parts in the table. */
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x22\\x24-\\x7E]{1,128}");

    private CustomerIdentity() {
    }

    public static String customerOf(ApiRequest request) {
        String sub = request.claims().get("sub");
        if (sub == null || !SUBJECT.matcher(sub).matches()) throw Problems.missingIdentity();
        return sub;
    }

    /** The token's {@code email} claim, if the identity provider put one in. */
    public static Optional<String> emailOf(ApiRequest request) {
        return Optional.ofNullable(request.claims().get("email")).filter(e -> !e.isBlank());
    }
}
