package io.bankflow.httpapi;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Applies the Bankflow HTTP API conventions to a servlet application: the request id filter, problem documents for
 * every error raised in Spring MVC ({@link ProblemDetailsAdvice}) and for the container's error page.
 *
 * <p>Runs before Boot's MVC and error auto-configurations so that their problem-details handler and
 * {@code BasicErrorController} back off in favour of these. Each bean backs off in turn when a service declares its
 * own. Also listed for {@code @WebMvcTest} slices, so controller tests see the same error documents as production.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@Import(OpenApiSupport.class)
public final class HttpApiAutoConfiguration {

    /**
     * The request id filter, first in the chain so that every other filter logs with the id.
     *
     * @return its registration
     */
    @Bean
    FilterRegistrationBean<RequestIdFilter> bankflowRequestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Problem documents for everything Spring MVC raises.
     *
     * @return the advice
     */
    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemDetailsAdvice bankflowProblemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /**
     * Problem documents for the container's error page.
     *
     * @param errorAttributes Boot's access to the error the container recorded
     * @return the controller
     */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController bankflowProblemErrorController(ErrorAttributes errorAttributes) {
        return new ProblemErrorController(errorAttributes);
    }
}
