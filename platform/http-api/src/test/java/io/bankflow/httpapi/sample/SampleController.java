package io.bankflow.httpapi.sample;

import io.bankflow.httpapi.ConflictException;
import io.bankflow.httpapi.NotFoundException;
import io.bankflow.httpapi.RequestIds;
import io.bankflow.httpapi.UnprocessableException;
import io.bankflow.httpapi.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Endpoints that fail in every way a client or a service can make them fail. */
@RestController
@RequestMapping("/payments")
class SampleController {

    static final UUID KNOWN = UUID.fromString("00000000-0000-0000-0000-000000000001");

    enum Kind {
        INVOICE,
        REFUND
    }

    record Line(@NotBlank String reference, @Positive long amountMinor) {}

    record PaymentRequest(
            @NotBlank String customerCode,
            @NotNull @Positive Long amountMinor,
            @NotNull Kind kind,
            LocalDate dueDate,
            @NotEmpty List<@Valid Line> lines) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> create(@Valid @RequestBody PaymentRequest request) {
        return Map.of("customerCode", request.customerCode());
    }

    @GetMapping("/{id}")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No such payment.")
    Map<String, String> get(@PathVariable UUID id) {
        if (!KNOWN.equals(id)) {
            throw NotFoundException.of("Payment", id);
        }
        return Map.of("id", id.toString());
    }

    @GetMapping
    List<String> list(@RequestParam(name = "limit", defaultValue = "10") @Min(1) @Max(100) int limit) {
        return List.of();
    }

    @GetMapping("/search")
    List<String> search(@RequestParam("customerCode") String customerCode) {
        return List.of(customerCode);
    }

    @GetMapping("/with-header")
    String withHeader(@RequestHeader("Idempotency-Key") String key) {
        return key;
    }

    @PostMapping("/{id}/confirm")
    void confirm(@PathVariable UUID id) {
        throw new ConflictException("Payment " + id + " is already confirmed.").withProperty("paymentId", id);
    }

    @PostMapping("/{id}/close")
    void close(@PathVariable UUID id) {
        throw new UnprocessableException("payment-not-due", "Payment not due", "Payment " + id + " is not due yet.");
    }

    @GetMapping("/teapot")
    void teapot() {
        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The bank is not answering.");
    }

    @GetMapping("/boom")
    void boom() {
        throw new IllegalStateException("connection to jdbc:postgresql://db?password=hunter2 failed");
    }

    /** Takes the caller from the token: not a parameter of the documented API. */
    @GetMapping("/mine")
    List<String> mine(Caller caller) {
        return List.of(caller.orgId());
    }

    @GetMapping("/request-id")
    String requestId() {
        return RequestIds.current().orElse("none");
    }
}
