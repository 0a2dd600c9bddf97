package io.bankflow.sync.statements.adapter.out.provider.berlingroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bankflow.sync.statements.domain.LineStatus;
import io.bankflow.sync.statements.domain.StatementLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The Berlin Group's published transaction examples (shared/samples/berlin-group, byte-exact, quirks included) read
 * through the mapper: every transaction in a file becomes a line, booked and pending as in the file, amounts exact.
 */
class BerlinGroupSamplesContractTest {

    static Path samples() {
        String root = System.getProperty("bankflow.root", ".");
        return Path.of(root)
                .toAbsolutePath()
                .normalize()
                .resolveSibling("shared")
                .resolve("samples/berlin-group");
    }

    static Stream<Path> sampleFiles() throws IOException {
        Path dir = samples();
        assumeTrue(Files.isDirectory(dir), "Berlin Group samples not found at " + dir);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> json =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assumeTrue(!json.isEmpty(), "no Berlin Group JSON samples in " + dir);
            return json.stream();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return BerlinGroupClient.JSON.readTree(Files.readString(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void mapsEveryTransactionOfTheSample(Path file) throws IOException {
        JsonNode root = read(file);
        JsonNode transactions = root.path("transactions");

        if (root.has("transactionsDetails")) {
            StatementLine line = BerlinGroupTransactionMapper.transaction(
                    "acc", root.path("transactionsDetails"), LineStatus.BOOKED);
            assertThat(line.amount())
                    .isEqualTo(new BigDecimal(root.at("/transactionsDetails/transactionAmount/amount")
                            .asString()));
            return;
        }
        BerlinGroupTransactionMapper.Page page = BerlinGroupTransactionMapper.page("acc", root);

        assertThat(page.errors()).isEmpty();
        assertThat(page.lines().stream().filter(l -> l.status() == LineStatus.BOOKED))
                .hasSize(transactions.path("booked").size());
        assertThat(page.lines().stream().filter(l -> l.status() == LineStatus.PENDING))
                .hasSize(transactions.path("pending").size());
        List<JsonNode> entries = new ArrayList<>();
        transactions.path("booked").forEach(entries::add);
        transactions.path("pending").forEach(entries::add);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            StatementLine line = page.lines().get(i);
            assertThat(line.amount())
                    .isEqualTo(
                            new BigDecimal(entry.at("/transactionAmount/amount").asString()));
            assertThat(line.currency())
                    .isEqualTo(entry.at("/transactionAmount/currency").asString());
            assertThat(line.providerTransactionId())
                    .isEqualTo(entry.path("transactionId").asString());
            assertThat(line.remittanceUnstructured())
                    .isEqualTo(entry.path("remittanceInformationUnstructured").asString());
        }
    }

    @Test
    void theRegularAccountExampleHasTwoBookedAndOnePendingLine() throws IOException {
        Path file = samples().resolve("bg-1.3.8__transactionsExample1_RegularAccount_json.json");
        assumeTrue(Files.exists(file), "sample missing: " + file);

        BerlinGroupTransactionMapper.Page page = BerlinGroupTransactionMapper.page("acc", read(file));

        assertThat(page.lines())
                .extracting(StatementLine::status, StatementLine::amount, StatementLine::counterpartyName)
                .containsExactly(
                        // The sample books money to a creditor with a positive amount: the bank's sign stands.
                        tuple(LineStatus.BOOKED, new BigDecimal("256.67"), "John Miles"),
                        tuple(LineStatus.BOOKED, new BigDecimal("343.01"), "Paul Simpson"),
                        tuple(LineStatus.PENDING, new BigDecimal("-100.03"), "Claude Renault"));
        assertThat(page.lines().get(2).bookingDate()).isNull();
    }

    @Test
    void theMulticurrencyExampleKeepsEachLinesOwnCurrency() throws IOException {
        Path file = samples().resolve("bg-1.3.8__transactionsExample3_MulticurrencyAccount_json.json");
        assumeTrue(Files.exists(file), "sample missing: " + file);

        BerlinGroupTransactionMapper.Page page = BerlinGroupTransactionMapper.page("acc", read(file));

        assertThat(page.lines()).extracting(StatementLine::currency).containsExactly("EUR", "EUR", "USD", "EUR");
        assertThat(page.lines().get(2).amount()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void theDownloadExampleHasNoLinesButADownloadLinkAndStandingOrdersAreNoLines() throws IOException {
        Path download = samples().resolve("bg-1.3.8__transactionsExample2_Download_json.json");
        Path standingOrders = samples().resolve("bg-1.3.9__transactionsResponse200JsonExample_standingOrders.json");
        assumeTrue(Files.exists(download) && Files.exists(standingOrders), "samples missing");

        BerlinGroupTransactionMapper.Page downloadPage = BerlinGroupTransactionMapper.page("acc", read(download));
        BerlinGroupTransactionMapper.Page standingOrdersPage =
                BerlinGroupTransactionMapper.page("acc", read(standingOrders));

        assertThat(downloadPage.lines()).isEmpty();
        assertThat(downloadPage.downloadHref()).contains("/transactions/download/");
        assertThat(standingOrdersPage.lines()).isEmpty();
        assertThat(standingOrdersPage.errors()).isEmpty();
    }
}
