package io.trackline.local.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Emulates API Gateway's HTTP API JWT authorizer: the token from {@code Authorization} (with or without
 * {@code Bearer }) must be RS256, signed by the issuer's key, unexpired, from the configured issuer and for one of the
 * configured audiences (or carry it as {@code client_id}, as Cognito access tokens do). Claims then reach the handler
 * as strings, the way API Gateway flattens them.
 */
public final class JwtAuthorizer {
    private final LocalIssuer issuer;
    private final List<String> audience;
    private final Clock clock;

    public JwtAuthorizer(LocalIssuer issuer, List<String> audience, Clock clock) {
        this.issuer = issuer;
        this.audience = List.copyOf(audience);
        this.clock = clock;
    }

    public sealed interface Decision {
    }

    public record Allowed(Map<String, String> claims, List<String> scopes) implements Decision {
    }

    /** {@code status} 401 for a missing or invalid token, 403 for a valid one without a required scope. */
    public record Denied(int status, String reason) implements Decision {
    }

    public Decision authorize(Optional<String> authorization, List<String> requiredScopes) {
        if (authorization.isEmpty() || authorization.get().isBlank()) return new Denied(401, "no token");
        String token = authorization.get().strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) token = token.substring(7).strip();
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Denied(401, "not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) return new Denied(401, "algorithm is not RS256");
        if (jwt.getHeader().getKeyID() != null && !jwt.getHeader().getKeyID().equals(issuer.publicKey().getKeyID())) {
            return new Denied(401, "unknown key id");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(issuer.publicKey()))) return new Denied(401, "bad signature");
        } catch (JOSEException e) {
            return new Denied(401, "bad signature");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
            return new Denied(401, "expired");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now)) {
            return new Denied(401, "not yet valid");
        }
        if (!issuer.issuer().equals(claims.getIssuer())) return new Denied(401, "wrong issuer");
        Object clientId = claims.getClaim("client_id");
        boolean forUs = claims.getAudience().stream().anyMatch(audience::contains)
                || (clientId != null && audience.contains(String.valueOf(clientId)));
        if (!forUs) return new Denied(401, "wrong audience");
        List<String> scopes = scopes(claims);
        if (!requiredScopes.isEmpty() && requiredScopes.stream().noneMatch(scopes::contains)) {
            return new Denied(403, "missing scope");
        }
        return new Allowed(flatten(claims), scopes);
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = Optional.ofNullable(claims.getClaim("scope")).orElse(claims.getClaim("scp"));
        if (scope instanceof String s) return Arrays.stream(s.split(" ")).filter(x -> !x.isBlank()).toList();
        if (scope instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        return List.of();
    }

    /** API Gateway passes every claim as a string: numbers as digits, dates as epoch seconds, lists as "[a b]". */
    static Map<String, String> flatten(JWTClaimsSet claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.toJSONObject().forEach((name, value) -> flat.put(name, value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"))
                : String.valueOf(value)));
        return flat;
    }
}
