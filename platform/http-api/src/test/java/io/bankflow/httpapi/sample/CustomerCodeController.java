package io.bankflow.httpapi.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustomerCodeController {

    private final ValidatedService service;

    CustomerCodeController(ValidatedService service) {
        this.service = service;
    }

    @GetMapping("/customer-codes/{code}")
    String normalise(@PathVariable String code) {
        return service.normalise(code);
    }
}
