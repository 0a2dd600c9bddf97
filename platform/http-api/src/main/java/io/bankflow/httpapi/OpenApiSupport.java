package io.bankflow.httpapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adjusts springdoc's OpenAPI document when a service uses it: the error page is not an endpoint of the API (springdoc
 * only knows to hide Boot's own error controller), and the document is titled after the service rather than
 * "OpenAPI definition".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SpringDocUtils.class)
class OpenApiSupport {

    OpenApiSupport() {
        // springdoc's configuration is static by design; registering twice (several contexts in one JVM) is harmless.
        SpringDocUtils.getConfig().addHiddenRestControllers(ProblemErrorController.class);
    }

    /**
     * The document's title: the application's name. A service declares its own {@link OpenAPI} bean to say more.
     *
     * @param applicationName {@code spring.application.name}
     * @return the base document
     */
    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI bankflowOpenApi(@Value("${spring.application.name:bankflow}") String applicationName) {
        // "v1": the public API's major version (paths carry none yet); OpenAPI requires the field.
        return new OpenAPI().info(new Info().title(applicationName).version("v1"));
    }
}
