package io.bankflow.tokenvault.tokens.adapter.in.web;

import io.bankflow.tokenvault.tokens.InternalApiProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ServiceCallerInterceptor} in front of everything under {@code /internal}. */
@Configuration(proxyBeanMethods = false)
class InternalApiWebConfiguration implements WebMvcConfigurer {

    private final InternalApiProperties properties;

    InternalApiWebConfiguration(InternalApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ServiceCallerInterceptor(properties)).addPathPatterns("/internal/**");
    }
}
