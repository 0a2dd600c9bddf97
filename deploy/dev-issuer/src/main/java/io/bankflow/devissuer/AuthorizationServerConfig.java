package io.bankflow.devissuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    /** Claim names every Bankflow service reads; keep in step with the services' JWT converter. */
    static final String ORG_CLAIM = "org_id";

    static final String ROLES_CLAIM = "roles";

    private static final String ORG_SETTING = "bankflow.org-id";
    private static final String ROLES_SETTING = "bankflow.roles";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    /** Health and metrics are open, as on every service; there is no other page. */
    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(DevIssuerProperties properties) {
        return AuthorizationServerSettings.builder()
                .issuer(properties.issuerUri().toString())
                .build();
    }

    /**
     * A fresh signing key per start: tokens die with the issuer, which is what a development issuer wants.
     * Resource servers fetch the JWK set again when they meet an unknown key id.
     */
    @Bean
    JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keyPair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
                .privateKey((RSAPrivateKey) keyPair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClients(DevIssuerProperties properties, PasswordEncoder encoder) {
        ClientSecrets secrets = new ClientSecrets(properties.secretsDir());
        List<RegisteredClient> clients = properties.clients().stream()
                .map(client -> RegisteredClient.withId(
                                UUID.nameUUIDFromBytes(client.clientId().getBytes())
                                        .toString())
                        .clientId(client.clientId())
                        .clientSecret(encoder.encode(secrets.secretFor(client)))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scope("banking")
                        .clientSettings(ClientSettings.builder()
                                .setting(ORG_SETTING, client.orgId())
                                .setting(ROLES_SETTING, client.roles())
                                .build())
                        .tokenSettings(TokenSettings.builder()
                                .accessTokenTimeToLive(properties.tokenTtl())
                                .build())
                        .build())
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** Puts the client's organisation and roles into every access token it gets. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> organisationAndRolesClaims() {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            ClientSettings settings = context.getRegisteredClient().getClientSettings();
            context.getClaims().claim(ORG_CLAIM, (String) settings.getSetting(ORG_SETTING));
            context.getClaims().claim(ROLES_CLAIM, (List<?>) settings.getSetting(ROLES_SETTING));
        };
    }
}
