package io.bankflow.httpapi;

import io.bankflow.httpapi.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
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

    /** The media type and schema of every error response (RFC 9457). */
    static final String PROBLEM_JSON = "application/problem+json";

    static final String PROBLEM_SCHEMA = "Problem";

    /**
     * Error responses need no boilerplate: every 4xx/5xx response an operation documents is {@code
     * application/problem+json} with the {@value #PROBLEM_SCHEMA} schema (whatever content springdoc guessed from the
     * method's return type), and every operation that needs a token documents 401. A controller writes only {@code
     * @ApiResponse(responseCode = "404", description = "...")}.
     */
    @Bean
    OperationCustomizer bankflowProblemResponses() {
        return (operation, handlerMethod) -> {
            ApiResponses responses = operation.getResponses();
            if (responses == null) {
                responses = new ApiResponses();
                operation.setResponses(responses);
            }
            boolean isPublic =
                    operation.getSecurity() != null && operation.getSecurity().isEmpty();
            if (!isPublic && !responses.containsKey("401")) {
                responses.addApiResponse("401", new ApiResponse().description("No valid access token."));
            }
            responses.forEach((code, response) -> {
                if (isError(code)
                        && (response.getContent() == null
                                || !response.getContent().containsKey(PROBLEM_JSON))) {
                    response.setContent(new Content()
                            .addMediaType(
                                    PROBLEM_JSON,
                                    new MediaType()
                                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
                }
            });
            return operation;
        };
    }

    /** The {@value #PROBLEM_SCHEMA} schema the error responses refer to, whichever {@link OpenAPI} bean is used. */
    @Bean
    OpenApiCustomizer bankflowProblemSchema() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            if (openApi.getComponents().getSchemas() == null
                    || !openApi.getComponents().getSchemas().containsKey(PROBLEM_SCHEMA)) {
                openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            }
        };
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    /** RFC 9457 problem details as Bankflow's APIs answer them. */
    static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An error, RFC 9457 problem details (application/problem+json). Further members may"
                        + " follow: requestId always; errors (field, message) for invalid input; others named by the"
                        + " operation.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .description("Identifies the kind of problem, e.g."
                                        + " https://bankflow.io/problems/not-found."))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem."))
                .addProperty("status", new IntegerSchema().description("The HTTP status code."))
                .addProperty("detail", new StringSchema().description("What went wrong in this case, for people."))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").description("The request's path."))
                .addProperty(
                        "requestId",
                        new StringSchema().description("The request's id (X-Request-Id), for support cases."))
                .addRequiredItem("type")
                .addRequiredItem("title")
                .addRequiredItem("status");
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
