package io.trackline.local.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The local stand-in for the customers' identity provider: an RSA key made at start, which signs demo customer tokens
 * (RS256) and which the {@link JwtAuthorizer} trusts. Its public key is served as a JWKS, as a real issuer's would be.
 */
public final class LocalIssuer {
    private final RSAKey key;
    private final String issuer;
    private final List<String> audience;

    private LocalIssuer(RSAKey key, String issuer, List<String> audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = List.copyOf(audience);
    }

    public static LocalIssuer generate(String issuer, List<String> audience) {
        return new LocalIssuer(newKey(), issuer, audience);
    }

    /** An issuer with a key made beforehand (key generation takes a while; the local cloud does it while moto starts). */
    public static LocalIssuer withKey(RSAKey key, String issuer, List<String> audience) {
        return new LocalIssuer(key, issuer, audience);
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("local-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the local issuer's RSA key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public List<String> audience() {
        return audience;
    }

    /** A customer's access token: {@code sub} is the customer id, valid for {@code ttl}. */
    public String token(String customerId, Duration ttl) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(customerId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", "openid")
                .build());
    }

    /** Signs any claims with the local key: tests use it for expired or mis-addressed tokens. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the local issuer's key", e);
        }
    }

    RSAKey publicKey() {
        return key.toPublicJWK();
    }

    public String jwks() {
        return new JWKSet(publicKey()).toString(true);
    }
}
