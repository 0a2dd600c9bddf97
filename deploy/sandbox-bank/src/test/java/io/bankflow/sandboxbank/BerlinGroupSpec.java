package io.bankflow.sandboxbank;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The Berlin Group NextGenPSD2 1.3.9 OpenAPI from shared/samples/berlin-group (next to the repository), used to
 * validate the sandbox bank's responses: schemas, required fields, enums and formats.
 */
final class BerlinGroupSpec {

    private static OpenApiInteractionValidator validator;

    private BerlinGroupSpec() {}

    static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            Path root = Path.of(System.getProperty("bankflow.root", "../.."));
            Path spec = root.resolve("../shared/samples/berlin-group/psd2-api 1.3.9 2021-05-04v1.yaml")
                    .normalize();
            Assumptions.assumeTrue(Files.exists(spec), "The Berlin Group OpenAPI is not at " + spec);
            try {
                // The parser reports a duplicate parameter in the PIS/PIIS part (/v1/funds-confirmations) of the
                // published file; that part is not used here, so its parse messages are not fatal.
                ParseOptions options = new ParseOptions();
                options.setResolve(true);
                OpenAPI api = new OpenAPIV3Parser()
                        .readContents(Files.readString(spec), null, options)
                        .getOpenAPI();
                validator = OpenApiInteractionValidator.createFor(api).build();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return validator;
    }

    /** Fails with the validator's messages unless the response is what the spec defines for this call. */
    static void assertConforms(String method, String path, SandboxClient.Reply reply) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status())
                .withContentType(reply.header("Content-Type"))
                .withBody(reply.body());
        reply.headers().map().forEach((name, values) -> values.forEach(value -> response.withHeader(name, value)));
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        ValidationReport report =
                validator().validateResponse(pathOnly, Request.Method.valueOf(method), response.build());
        assertThat(report.getMessages())
                .as("%s %s answered %s", method, path, reply.body())
                .isEmpty();
    }
}
