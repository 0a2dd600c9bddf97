package io.bankflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.events.common.EventMetadata;
import io.bankflow.events.common.Money;
import io.bankflow.events.sync.Balance;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.StatementLine;
import io.bankflow.events.sync.StatementLineStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.AvroTypeException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The generated classes map logical types to exact Java types and survive Avro binary unchanged. */
class GeneratedEventsTest {

    @Test
    void statementFetchedSurvivesAvroBinaryWithExactAmountsDatesAndMoments() throws IOException {
        StatementFetched event = StatementFetched.newBuilder()
                .setMetadata(metadata())
                .setJobId(UUID.randomUUID().toString())
                .setConnectionId(UUID.randomUUID().toString())
                .setAccountId(UUID.randomUUID().toString())
                .setProvider("sandbox-bank")
                .setLines(List.of(
                        StatementLine.newBuilder()
                                .setLineId(UUID.randomUUID().toString())
                                .setStatus(StatementLineStatus.BOOKED)
                                .setBookingDate(LocalDate.of(2025, 3, 31))
                                .setAmount(money("1234567890.123456", "NOK"))
                                .setStructuredReference("RF18539007547034")
                                .build(),
                        StatementLine.newBuilder()
                                .setLineId(UUID.randomUUID().toString())
                                .setStatus(StatementLineStatus.PENDING)
                                .setAmount(money("-0.000001", "EUR"))
                                .build()))
                .setClosingBalance(Balance.newBuilder()
                        .setAmount(money("-17.250000", "NOK"))
                        .setDate(LocalDate.of(2025, 3, 31))
                        .setBalanceType("closingBooked")
                        .build())
                .build();

        // Not isEqualTo: a decoded array is a GenericData.Array, whose equals() compares with GenericData and fails on
        // logical types inside unions (Avro 1.12). platform/avro-serde decodes arrays into ArrayLists instead.
        assertThat(roundTrip(event)).usingRecursiveComparison().isEqualTo(event);
    }

    @Test
    void amountsAreStoredWithExactlySixFractionalDigits() throws IOException {
        Money written = money("12.5", "EUR");

        Money read = roundTrip(written);

        assertThat(read.getAmount()).isEqualByComparingTo("12.5").hasScaleOf(6);
        assertThat(read.getAmount().toPlainString()).isEqualTo("12.500000");
    }

    @Test
    void refusesToRoundAnAmountWithMoreThanSixFractionalDigits() {
        assertThatThrownBy(() -> roundTrip(money("0.0000001", "EUR")))
                .isInstanceOf(AvroTypeException.class)
                .hasMessageContaining("scale");
    }

    private static EventMetadata metadata() {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2025-04-01T06:00:00.123Z"))
                .setOrgId("org-1")
                .setCorrelationId(UUID.randomUUID().toString())
                .build();
    }

    private static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T roundTrip(T record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<T>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<T>((Class<T>) record.getClass())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
