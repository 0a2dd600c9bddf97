package io.bankflow.httpapi;

import io.bankflow.httpapi.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adjusts springdoc's OpenAPI document when a service uses it: the error page is not an endpoint of the API (springdoc
 * only knows to hide Boot's own error controller), a {@link Caller} parameter is not a request parameter (it comes
 * from the access token), every operation needs a bearer JWT, and the document is titled after the service rather
 * than "OpenAPI definition".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SpringDocUtils.class)
class OpenApiSupport {

    OpenApiSupport() {
        // springdoc's configuration is static by design; registering twice (several contexts in one JVM) is harmless.
        SpringDocUtils.getConfig()
                .addHiddenRestControllers(ProblemErrorController.class)
                .addRequestWrapperToIgnore(Caller.class);
    }

    /** The name of the security scheme every operation requires. */
    static final String BEARER_SCHEME = "bearer-jwt";

    /**
     * The document's title (the application's name) and its security: an OAuth2 bearer JWT for every operation
     * (public endpoints such as webhooks say otherwise on the operation). A service declares its own {@link OpenAPI}
     * bean to say more.
     *
     * @param applicationName {@code spring.application.name}
     * @return the base document
     */
    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI bankflowOpenApi(@Value("${spring.application.name:bankflow}") String applicationName) {
        SecurityScheme bearer = new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token (client credentials) whose claims carry the organisation (org_id) and"
                        + " roles (finance, admin).");
        // "v1": the public API's major version (paths carry none yet); OpenAPI requires the field.
        return new OpenAPI()
                .info(new Info().title(applicationName).version("v1"))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, bearer))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}
