package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.sync.statements.domain.LineStatus;
import io.bankflow.sync.statements.domain.StatementLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BerlinGroupTransactionMapperTest {

    private static JsonNode json(String json) {
        return BerlinGroupClient.JSON.readTree(json.replace('\'', '"'));
    }

    private static StatementLine booked(String json) {
        return BerlinGroupTransactionMapper.transaction("acc-1", json(json), LineStatus.BOOKED);
    }

    @Test
    void readsAmountsSentAsStringsOrNumbersExactly() {
        StatementLine asString = booked(
                "{'transactionId':'1','bookingDate':'2026-11-02','transactionAmount':{'amount':'-256.67','currency':'EUR'}}");
        StatementLine asNumber = booked(
                "{'transactionId':'1','bookingDate':'2026-11-02','transactionAmount':{'amount':-256.67,'currency':'EUR'}}");
        StatementLine tiny = booked(
                "{'transactionId':'1','bookingDate':'2026-11-02','transactionAmount':{'amount':0.1,'currency':'EUR'}}");

        assertThat(asString.amount()).isEqualTo(new BigDecimal("-256.67"));
        assertThat(asNumber.amount()).isEqualTo(new BigDecimal("-256.67"));
        assertThat(tiny.amount()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void readsStructuredRemittanceAsStringOrObject() {
        StatementLine asObject =
                booked("{'bookingDate':'2026-11-02','transactionAmount':{'amount':'10','currency':'NOK'},"
                        + "'remittanceInformationStructured':{'reference':'RF18539007547034','referenceType':'SCOR'}}");
        StatementLine asString =
                booked("{'bookingDate':'2026-11-02','transactionAmount':{'amount':'10','currency':'NOK'},"
                        + "'remittanceInformationStructured':'RF18539007547034'}");
        StatementLine asArray =
                booked("{'bookingDate':'2026-11-02','transactionAmount':{'amount':'10','currency':'NOK'},"
                        + "'remittanceInformationStructuredArray':[{'reference':'123'},{'reference':'456'}],"
                        + "'remittanceInformationUnstructuredArray':['Faktura','131']}");

        assertThat(asObject.remittanceStructured()).isEqualTo("RF18539007547034");
        assertThat(asString.remittanceStructured()).isEqualTo("RF18539007547034");
        assertThat(asArray.remittanceStructured()).isEqualTo("123 456");
        assertThat(asArray.remittanceUnstructured()).isEqualTo("Faktura 131");
    }

    @Test
    void theCounterpartyIsTheCreditorOfADebitAndTheDebtorOfACredit() {
        StatementLine debit = booked(
                "{'bookingDate':'2026-11-02','transactionAmount':{'amount':'-5','currency':'NOK'},"
                        + "'creditorName':'Shop','creditorAccount':{'iban':'NO1'},'debtorName':'Us','debtorAccount':{'iban':'NO2'}}");
        StatementLine credit = booked(
                "{'bookingDate':'2026-11-02','transactionAmount':{'amount':'5','currency':'NOK'},"
                        + "'creditorName':'Us','creditorAccount':{'iban':'NO2'},'debtorName':'Customer','debtorAccount':{'bban':'12345'}}");

        assertThat(debit.counterpartyName()).isEqualTo("Shop");
        assertThat(debit.counterpartyAccount()).isEqualTo("NO1");
        assertThat(credit.counterpartyName()).isEqualTo("Customer");
        assertThat(credit.counterpartyAccount()).isEqualTo("12345");
    }

    @Test
    void mapsIdsDatesAndCodes() {
        StatementLine line = booked("{'transactionId':'T1','entryReference':'E1','endToEndId':'NOTPROVIDED',"
                + "'bookingDate':'2026-11-02T10:15:00Z','valueDate':'2026-11-03',"
                + "'transactionAmount':{'amount':'5','currency':'nok'},'bankTransactionCode':'PMNT-RCDT-ESCT'}");

        assertThat(line.providerTransactionId()).isEqualTo("T1");
        assertThat(line.entryReference()).isEqualTo("E1");
        assertThat(line.endToEndId()).isNull();
        assertThat(line.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(line.valueDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(line.currency()).isEqualTo("NOK");
        assertThat(line.bankTransactionCode()).isEqualTo("PMNT-RCDT-ESCT");
    }

    @Test
    void reportsUnreadableTransactionsWithoutFailingThePage() {
        BerlinGroupTransactionMapper.Page page = BerlinGroupTransactionMapper.page(
                "acc-1",
                json("{'transactions':{'booked':["
                        + "{'transactionId':'ok','bookingDate':'2026-11-02','transactionAmount':{'amount':'1','currency':'EUR'}},"
                        + "{'transactionId':'bad','bookingDate':'2026-11-02','transactionAmount':{'amount':'1,00','currency':'EUR'}},"
                        + "{'transactionId':'nodate','transactionAmount':{'amount':'1','currency':'EUR'}}],"
                        + "'pending':[{'transactionAmount':{'amount':'-3','currency':'EUR'}}],"
                        + "'_links':{'next':{'href':'/v1/accounts/a/transactions?pageIndex=1'}}}}"));

        assertThat(page.lines())
                .extracting(StatementLine::providerTransactionId)
                .containsExactly("ok", null);
        assertThat(page.errors())
                .hasSize(2)
                .anySatisfy(error -> assertThat(error).contains("bad").contains("amount"))
                .anySatisfy(error -> assertThat(error).contains("nodate").contains("booking date"));
        assertThat(page.nextHref()).isEqualTo("/v1/accounts/a/transactions?pageIndex=1");
    }
}
