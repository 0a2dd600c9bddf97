package io.bankflow.cashflow.balances.adapter.in.web;

import io.bankflow.cashflow.balances.application.GetCashflow;
import io.bankflow.cashflow.balances.application.ListCashflowSeries;
import io.bankflow.httpapi.security.Caller;
import io.bankflow.httpapi.security.ForbiddenException;
import io.bankflow.httpapi.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Currency;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cash history and forecast of the caller's organisation (ADR 0002): every query is scoped by {@code caller.orgId()};
 * an account the organisation has no data for, another organisation's included, is 404. Reading needs the
 * {@code finance} or {@code admin} role.
 */
@RestController
@RequestMapping(path = CashflowController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Cash flow",
        description = "End-of-day balances per account and currency, reconstructed from booked statement lines and the"
                + " balances the banks report, and a simple forecast that says how it was computed.")
@ApiResponse(responseCode = "403", description = "The caller has neither the finance nor the admin role.")
class CashflowController {

    static final String BASE_PATH = "/api/banking/cashflow";

    private final GetCashflow getCashflow;
    private final ListCashflowSeries listSeries;

    CashflowController(GetCashflow getCashflow, ListCashflowSeries listSeries) {
        this.getCashflow = getCashflow;
        this.listSeries = listSeries;
    }

    @GetMapping
    @Operation(
            summary = "Cash history and forecast of one account and currency",
            description = "historyDays end-of-day balances ending today (asOf), with each day's booked inflow and"
                    + " outflow, and forecastDays forecast balances after it. Balances are walked from the latest"
                    + " balance the bank reported (anchor); when it never reported one, balanceBasis is RELATIVE and"
                    + " the balances are cumulative net flows, not real balances. Pending lines are not history; the"
                    + " forecast counts them. Amounts are exact decimal strings. Requires the finance or admin role.")
    @ApiResponse(responseCode = "200", description = "History and forecast.")
    @ApiResponse(
            responseCode = "400",
            description = "A parameter is missing or out of range; the problem's errors list names each one.")
    @ApiResponse(responseCode = "404", description = "The organisation has no data for this account in this currency.")
    CashflowResponse get(
            Caller caller,
            @Parameter(description = "Bankflow id of the bank account.") @RequestParam UUID accountId,
            @Parameter(description = "ISO 4217 code of the series, e.g. EUR.", example = "EUR") @RequestParam
                    String currency,
            @Parameter(description = "Days of history ending today, 1 to 366.")
                    @RequestParam(defaultValue = "60")
                    @Min(1)
                    @Max(366)
                    int historyDays,
            @Parameter(description = "Days of forecast after today, 0 to 90.")
                    @RequestParam(defaultValue = "30")
                    @Min(0)
                    @Max(90)
                    int forecastDays) {
        requireReader(caller);
        return CashflowResponse.of(
                getCashflow.get(caller.orgId(), accountId, currencyOf(currency), historyDays, forecastDays));
    }

    @GetMapping("/accounts")
    @Operation(
            summary = "Accounts with cash flow data",
            description = "Every (accountId, currency) pair the organisation has data for (a booked or pending line or"
                    + " a reported balance), by account id then currency. Requires the finance or admin role.")
    @ApiResponse(responseCode = "200", description = "The pairs; an empty list when there are none.")
    CashflowSeriesResponse accounts(Caller caller) {
        requireReader(caller);
        return CashflowSeriesResponse.of(listSeries.list(caller.orgId()));
    }

    /** Three upper-case letters that ISO 4217 (as the JDK knows it) defines. */
    static Currency currencyOf(String code) {
        if (code.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                // answered below
            }
        }
        throw new InvalidParameterException("currency", "must be an ISO 4217 currency code (three upper-case letters)");
    }

    /** Balances are for people who work with the organisation's money, not any client of it. */
    private static void requireReader(Caller caller) {
        if (!caller.hasRole(Role.FINANCE) && !caller.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("Reading cash flow requires the 'finance' or 'admin' role.");
        }
    }
}
