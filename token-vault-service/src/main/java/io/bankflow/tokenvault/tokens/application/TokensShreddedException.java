package io.bankflow.tokenvault.tokens.application;

import io.bankflow.httpapi.ApiException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The connection's tokens were shredded: they are gone for good. Answers 410 with type {@code tokens-shredded}. */
public class TokensShreddedException extends ApiException {

    public static final String TYPE = "tokens-shredded";

    TokensShreddedException(UUID connectionId) {
        super(
                HttpStatus.GONE,
                TYPE,
                "Tokens shredded",
                "The tokens of connection " + connectionId + " were shredded; the connection needs a new consent.",
                null);
    }
}
