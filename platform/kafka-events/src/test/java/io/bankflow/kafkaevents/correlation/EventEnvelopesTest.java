package io.bankflow.kafkaevents.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.bankflow.kafkaevents.testapp.Events;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

class EventEnvelopesTest {

    @Test
    void readsTheEnvelopeOfAGeneratedEvent() {
        UUID eventId = UUID.randomUUID();
        var event = Events.syncRequested("conn-1", "label", eventId, "corr-1");

        assertThat(EventEnvelopes.eventId(event)).contains(eventId);
        assertThat(EventEnvelopes.correlationId(event)).contains("corr-1");
        assertThat(EventEnvelopes.orgId(event)).contains("org-test");
    }

    @Test
    void readsTheEnvelopeOfAGenericRecordWhoseEventIdIsText() {
        Schema metadataSchema = SchemaBuilder.record("EventMetadata")
                .fields()
                .requiredString("eventId")
                .requiredString("correlationId")
                .endRecord();
        Schema eventSchema = SchemaBuilder.record("Something")
                .fields()
                .name("metadata")
                .type(metadataSchema)
                .noDefault()
                .endRecord();
        UUID eventId = UUID.randomUUID();
        GenericData.Record metadata = new GenericData.Record(metadataSchema);
        metadata.put("eventId", eventId.toString());
        metadata.put("correlationId", "corr-2");
        GenericData.Record event = new GenericData.Record(eventSchema);
        event.put("metadata", metadata);

        assertThat(EventEnvelopes.eventId(event)).contains(eventId);
        assertThat(EventEnvelopes.correlationId(event)).contains("corr-2");
        assertThat(EventEnvelopes.orgId(event)).isEmpty();
    }

    @Test
    void findsNothingInValuesWithoutAnEnvelope() {
        Schema bare = SchemaBuilder.record("Bare").fields().requiredString("x").endRecord();
        GenericData.Record record = new GenericData.Record(bare);
        record.put("x", "y");

        assertThat(EventEnvelopes.metadata(record)).isEmpty();
        assertThat(EventEnvelopes.eventId("not a record")).isEmpty();
        assertThat(EventEnvelopes.correlationId(null)).isEmpty();
    }
}
