package io.bankflow.httpapi.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Tokens minted here, signed with a key generated for this test run; {@link Decoder} makes the application trust that
 * key and {@link #ISSUER}, as Boot's decoder trusts the configured issuer's keys.
 */
final class TestTokens {

    static final String ISSUER = "https://issuer.test.bankflow.io";

    static final RSAKey TRUSTED = generate();
    static final RSAKey UNTRUSTED = generate();

    private TestTokens() {}

    /** The acme-erp client of the dev issuer: acme-industries, finance and admin. */
    static JWTClaimsSet.Builder acmeErp() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("acme-erp")
                .audience("acme-erp")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", List.of("banking"))
                .claim("org_id", "acme-industries")
                .claim("roles", List.of("finance", "admin"));
    }

    static String token(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(TRUSTED, claims.apply(acmeErp()).build());
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts {@link #TRUSTED} and {@link #ISSUER}, with Spring Security's default checks (expiry, not-before). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Decoder {

        @Bean
        JwtDecoder jwtDecoder() throws JOSEException {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withPublicKey(TRUSTED.toRSAPublicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        }
    }
}
