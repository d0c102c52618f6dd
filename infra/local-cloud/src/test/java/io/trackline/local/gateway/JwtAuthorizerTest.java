package io.trackline.local.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JwtAuthorizerTest {
    private static final String ISSUER = "http://localhost:3000/local-issuer";
    private static final LocalIssuer LOCAL = LocalIssuer.generate(ISSUER, List.of("trackline"));
    private final JwtAuthorizer authorizer = new JwtAuthorizer(LOCAL, List.of("trackline"), Clock.systemUTC());

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("trackline").subject("customer-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    private JwtAuthorizer.Decision authorize(String header) {
        return authorizer.authorize(Optional.ofNullable(header), List.of());
    }

    @Test
    void shouldPassClaimsAsApiGatewayDoes_whenTheTokenIsValid() {
        String token = LOCAL.token("customer-1", Duration.ofHours(24));

        var decision = authorize("Bearer " + token);

        assertThat(decision).isInstanceOfSatisfying(JwtAuthorizer.Allowed.class, allowed -> {
            assertThat(allowed.claims()).containsEntry("sub", "customer-1").containsEntry("iss", ISSUER)
                    .containsEntry("aud", "trackline").containsEntry("scope", "openid");
            assertThat(allowed.claims().get("exp")).matches("\\d{10}");
            assertThat(allowed.scopes()).containsExactly("openid");
        });
        assertThat(authorize("bearer " + token)).isInstanceOf(JwtAuthorizer.Allowed.class);
        assertThat(authorize(token)).isInstanceOf(JwtAuthorizer.Allowed.class);
    }

    @Test
    void shouldDeny_whenTheTokenIsMissingOrNotAJwt() {
        assertThat(authorize(null)).isEqualTo(new JwtAuthorizer.Denied(401, "no token"));
        assertThat(authorize("Bearer ")).isEqualTo(new JwtAuthorizer.Denied(401, "not a signed JWT"));
        assertThat(authorize("Bearer abc.def.ghi")).isEqualTo(new JwtAuthorizer.Denied(401, "not a signed JWT"));
    }

    @Test
    void shouldDeny_whenTheTokenHasExpired() {
        Instant past = Instant.now().minusSeconds(60);
        String token = LOCAL.sign(claims().issueTime(Date.from(past.minusSeconds(600))).expirationTime(Date.from(past)).build());

        assertThat(authorize("Bearer " + token)).isEqualTo(new JwtAuthorizer.Denied(401, "expired"));
    }

    @Test
    void shouldDeny_whenIssuerOrAudienceDiffer() {
        assertThat(authorize("Bearer " + LOCAL.sign(claims().issuer("https://evil.example.com").build())))
                .isEqualTo(new JwtAuthorizer.Denied(401, "wrong issuer"));
        assertThat(authorize("Bearer " + LOCAL.sign(claims().audience("someone-else").build())))
                .isEqualTo(new JwtAuthorizer.Denied(401, "wrong audience"));
    }

    @Test
    void shouldDeny_whenTheTokenIsUnsignedOrSignedWithAnotherKeyOrAlgorithm() throws Exception {
        String none = new PlainJWT(new PlainHeader(), claims().build()).serialize();
        LocalIssuer stranger = LocalIssuer.generate(ISSUER, List.of("trackline"));
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hmac.sign(new MACSigner(new byte[32]));
        String[] parts = LOCAL.token("customer-1", Duration.ofHours(1)).split("\\.");
        String forgedPayload = parts[0] + "." + LOCAL.token("customer-2", Duration.ofHours(1)).split("\\.")[1] + "." + parts[2];

        assertThat(authorize("Bearer " + none)).isEqualTo(new JwtAuthorizer.Denied(401, "not a signed JWT"));
        assertThat(authorize("Bearer " + hmac.serialize())).isEqualTo(new JwtAuthorizer.Denied(401, "algorithm is not RS256"));
        assertThat(authorize("Bearer " + stranger.token("customer-1", Duration.ofHours(1))))
                .isEqualTo(new JwtAuthorizer.Denied(401, "unknown key id"));
        assertThat(authorize("Bearer " + forgedPayload)).isEqualTo(new JwtAuthorizer.Denied(401, "bad signature"));
    }

    @Test
    void shouldForbid_whenTheRouteNeedsAScopeTheTokenLacks() {
        String token = LOCAL.token("customer-1", Duration.ofHours(1));

        assertThat(authorizer.authorize(Optional.of("Bearer " + token), List.of("admin")))
                .isEqualTo(new JwtAuthorizer.Denied(403, "missing scope"));
        assertThat(authorizer.authorize(Optional.of("Bearer " + token), List.of("openid")))
                .isInstanceOf(JwtAuthorizer.Allowed.class);
    }
}
