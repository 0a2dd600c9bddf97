package io.bankflow.avroserde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bankflow.avroserde.test.Ping;
import io.bankflow.events.common.Money;
import java.math.BigDecimal;
import java.util.HexFormat;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * Byte-for-byte checks of the Confluent wire format, with the schema id given: no registry. The expected bytes are
 * written out by hand from the Avro specification (zigzag varints, length-prefixed strings, union branch indexes,
 * two's-complement decimals), not produced by the code under test. What the registry adds (subjects, ids,
 * auto-registration) is covered by {@code ConfluentAvroSerdeIT} against a real one.
 */
class ConfluentAvroSerializerTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();

    @Test
    void writesMagicByteThenBigEndianSchemaIdThenAvroBinary() {
        Ping ping = Ping.newBuilder()
                .setCount(-65)
                .setNote("hi")
                .setTag(null)
                .setTotal(300)
                .build();

        byte[] bytes = serializer.encode("pings", 0x01020304, ping);

        assertThat(HEX.formatHex(bytes))
                .isEqualTo(String.join(
                        " ",
                        "00", // magic byte
                        "01 02 03 04", // schema id 0x01020304, big-endian
                        "81 01", // count -65: zigzag 129 = varint 0x81 0x01
                        "04 68 69", // note: length 2 (zigzag 4), then "hi" in UTF-8
                        "00", // tag: union branch 0 (null), no value
                        "d8 04")); // total 300: zigzag 600 = varint 0xd8 0x04
    }

    @Test
    void writesUnionBranchIndexBeforeTheValueAndEmptyStringsAsZeroLength() {
        Ping ping = Ping.newBuilder()
                .setCount(0)
                .setNote("")
                .setTag("ok")
                .setTotal(-1)
                .build();

        assertThat(HEX.formatHex(serializer.encode("pings", 7, ping))).isEqualTo("00 00 00 00 07 00 00 02 04 6f 6b 01");
        //          magic  id=7        count=0 note="" tag=branch 1,"ok" total=-1 (zigzag 1)
    }

    @Test
    void writesMoneyAsTwosComplementUnscaledDecimalAndCurrencyCode() {
        // 12.5 at scale 6 is unscaled 12500000 = 0x00bebc20 (leading 00 keeps it positive): 4 bytes, length zigzag 8.
        assertThat(HEX.formatHex(serializer.encode("m", 1, new Money(new BigDecimal("12.5"), "EUR"))))
                .isEqualTo("00 00 00 00 01 08 00 be bc 20 06 45 55 52");
        // -12.5 is unscaled -12500000 = 0xff4143e0 in two's complement.
        assertThat(HEX.formatHex(serializer.encode("m", 1, new Money(new BigDecimal("-12.500000"), "EUR"))))
                .isEqualTo("00 00 00 00 01 08 ff 41 43 e0 06 45 55 52");
    }

    @Test
    void writesATombstoneAsNullWithoutNeedingARegistry() {
        assertThat(serializer.serialize("t", null)).isNull();
    }

    @Test
    void namesTheRecordAndTopicWhenTheRecordCannotBeWritten() {
        Money tooPrecise = new Money(new BigDecimal("0.0000001"), "EUR");

        assertThatThrownBy(() -> serializer.encode("bankflow.money.v1", 1, tooPrecise))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot serialize io.bankflow.events.common.Money for topic bankflow.money.v1")
                .hasMessageContaining("scale");
    }

    @Test
    void refusesToSerializeBeforeItIsConfigured() {
        Ping ping = Ping.newBuilder().setCount(1).setNote("n").setTotal(2).build();

        assertThatThrownBy(() -> serializer.serialize("t", ping))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
