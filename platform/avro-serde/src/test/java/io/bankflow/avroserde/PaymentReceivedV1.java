package io.bankflow.avroserde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Version 1 of {@code io.bankflow.avroserde.test.PaymentReceived}, written by hand because a class path holds only one
 * generated class per name: a producer that has not been upgraded yet.
 */
final class PaymentReceivedV1 extends SpecificRecordBase {

    static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "PaymentReceived", "namespace": "io.bankflow.avroserde.test",
             "fields": [
               {"name": "paymentId", "type": {"type": "string", "avro.java.string": "String"}},
               {"name": "cents", "type": "long"}
             ]}
            """);

    private String paymentId;
    private long cents;

    PaymentReceivedV1(String paymentId, long cents) {
        this.paymentId = paymentId;
        this.cents = cents;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA;
    }

    @Override
    public Object get(int field) {
        return switch (field) {
            case 0 -> paymentId;
            case 1 -> cents;
            default -> throw new IndexOutOfBoundsException(field);
        };
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0 -> paymentId = value.toString();
            case 1 -> cents = (Long) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }
}
