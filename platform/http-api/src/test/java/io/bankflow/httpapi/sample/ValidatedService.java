package io.bankflow.httpapi.sample;

import jakarta.validation.constraints.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/** Method validation on a service bean, which raises jakarta's ConstraintViolationException. */
@Service
@Validated
class ValidatedService {

    String normalise(@Pattern(regexp = "CUS[0-9]{8}", message = "must be CUS followed by 8 digits") String code) {
        return code;
    }
}
