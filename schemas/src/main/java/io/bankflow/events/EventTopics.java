package io.bankflow.events;

import io.bankflow.events.connection.ConnectionActivated;
import io.bankflow.events.connection.ConnectionExpired;
import io.bankflow.events.connection.ConnectionRevoked;
import io.bankflow.events.connection.ConsentExpiring;
import io.bankflow.events.reconciliation.DepositMatched;
import io.bankflow.events.reconciliation.DepositUnmatched;
import io.bankflow.events.reconciliation.MatchConfirmed;
import io.bankflow.events.reconciliation.MatchReversed;
import io.bankflow.events.sync.StatementFetched;
import io.bankflow.events.sync.SyncJobCompleted;
import io.bankflow.events.sync.SyncJobFailed;
import io.bankflow.events.sync.SyncJobStarted;
import io.bankflow.events.sync.SyncRequested;
import io.bankflow.events.token.TokenExpired;
import io.bankflow.events.token.TokenRefreshed;
import io.bankflow.events.token.TokenRevoked;
import io.bankflow.events.webhook.WebhookReceived;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one catalog of Bankflow's Kafka topics: which event travels on which topic, and where its dead letters go.
 *
 * <p>Topic names are {@code bankflow.<event-in-kebab-case>.v1}; dead letters go to {@code <topic>-dlt}. A breaking
 * change to an event is a new topic ({@code .v2}), never an edit of the {@code .v1} contract (ADR 0004). The
 * constants exist for annotations ({@code @KafkaListener(topics = EventTopics.STATEMENT_FETCHED)}); code that has the
 * event class should prefer {@link #topicFor(Class)}. The Kafka key of each event is documented in the event's Avro
 * record doc.
 */
public final class EventTopics {

    /** Suffix of a topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    // connection-service
    public static final String CONNECTION_ACTIVATED = "bankflow.connection-activated.v1";
    public static final String CONNECTION_EXPIRED = "bankflow.connection-expired.v1";
    public static final String CONNECTION_REVOKED = "bankflow.connection-revoked.v1";
    public static final String CONSENT_EXPIRING = "bankflow.consent-expiring.v1";
    public static final String SYNC_REQUESTED = "bankflow.sync-requested.v1";

    // token-vault-service
    public static final String TOKEN_REFRESHED = "bankflow.token-refreshed.v1";
    public static final String TOKEN_EXPIRED = "bankflow.token-expired.v1";
    public static final String TOKEN_REVOKED = "bankflow.token-revoked.v1";

    // sync-service
    public static final String SYNC_JOB_STARTED = "bankflow.sync-job-started.v1";
    public static final String SYNC_JOB_COMPLETED = "bankflow.sync-job-completed.v1";
    public static final String SYNC_JOB_FAILED = "bankflow.sync-job-failed.v1";
    public static final String STATEMENT_FETCHED = "bankflow.statement-fetched.v1";

    // reconciliation-service
    public static final String DEPOSIT_MATCHED = "bankflow.deposit-matched.v1";
    public static final String DEPOSIT_UNMATCHED = "bankflow.deposit-unmatched.v1";
    public static final String MATCH_CONFIRMED = "bankflow.match-confirmed.v1";
    public static final String MATCH_REVERSED = "bankflow.match-reversed.v1";

    // webhook-ingest-service
    public static final String WEBHOOK_RECEIVED = "bankflow.webhook-received.v1";

    // Dead-letter topics, for annotations; elsewhere use deadLetterTopicFor / deadLetterTopic.
    public static final String CONNECTION_ACTIVATED_DLT = CONNECTION_ACTIVATED + DEAD_LETTER_SUFFIX;
    public static final String CONNECTION_EXPIRED_DLT = CONNECTION_EXPIRED + DEAD_LETTER_SUFFIX;
    public static final String CONNECTION_REVOKED_DLT = CONNECTION_REVOKED + DEAD_LETTER_SUFFIX;
    public static final String CONSENT_EXPIRING_DLT = CONSENT_EXPIRING + DEAD_LETTER_SUFFIX;
    public static final String SYNC_REQUESTED_DLT = SYNC_REQUESTED + DEAD_LETTER_SUFFIX;
    public static final String TOKEN_REFRESHED_DLT = TOKEN_REFRESHED + DEAD_LETTER_SUFFIX;
    public static final String TOKEN_EXPIRED_DLT = TOKEN_EXPIRED + DEAD_LETTER_SUFFIX;
    public static final String TOKEN_REVOKED_DLT = TOKEN_REVOKED + DEAD_LETTER_SUFFIX;
    public static final String SYNC_JOB_STARTED_DLT = SYNC_JOB_STARTED + DEAD_LETTER_SUFFIX;
    public static final String SYNC_JOB_COMPLETED_DLT = SYNC_JOB_COMPLETED + DEAD_LETTER_SUFFIX;
    public static final String SYNC_JOB_FAILED_DLT = SYNC_JOB_FAILED + DEAD_LETTER_SUFFIX;
    public static final String STATEMENT_FETCHED_DLT = STATEMENT_FETCHED + DEAD_LETTER_SUFFIX;
    public static final String DEPOSIT_MATCHED_DLT = DEPOSIT_MATCHED + DEAD_LETTER_SUFFIX;
    public static final String DEPOSIT_UNMATCHED_DLT = DEPOSIT_UNMATCHED + DEAD_LETTER_SUFFIX;
    public static final String MATCH_CONFIRMED_DLT = MATCH_CONFIRMED + DEAD_LETTER_SUFFIX;
    public static final String MATCH_REVERSED_DLT = MATCH_REVERSED + DEAD_LETTER_SUFFIX;
    public static final String WEBHOOK_RECEIVED_DLT = WEBHOOK_RECEIVED + DEAD_LETTER_SUFFIX;

    /**
     * One event type and the topic it travels on.
     *
     * @param eventType the generated Avro class of the event
     * @param topic the topic name, {@code bankflow.<event-in-kebab-case>.v1}
     */
    public record Topic(Class<? extends SpecificRecord> eventType, String topic) {

        public Topic {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(topic, "topic");
        }

        /** The dead-letter topic for this topic: {@code <topic>-dlt}. */
        public String deadLetterTopic() {
            return EventTopics.deadLetterTopic(topic);
        }
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic(ConnectionActivated.class, CONNECTION_ACTIVATED),
            new Topic(ConnectionExpired.class, CONNECTION_EXPIRED),
            new Topic(ConnectionRevoked.class, CONNECTION_REVOKED),
            new Topic(ConsentExpiring.class, CONSENT_EXPIRING),
            new Topic(SyncRequested.class, SYNC_REQUESTED),
            new Topic(TokenRefreshed.class, TOKEN_REFRESHED),
            new Topic(TokenExpired.class, TOKEN_EXPIRED),
            new Topic(TokenRevoked.class, TOKEN_REVOKED),
            new Topic(SyncJobStarted.class, SYNC_JOB_STARTED),
            new Topic(SyncJobCompleted.class, SYNC_JOB_COMPLETED),
            new Topic(SyncJobFailed.class, SYNC_JOB_FAILED),
            new Topic(StatementFetched.class, STATEMENT_FETCHED),
            new Topic(DepositMatched.class, DEPOSIT_MATCHED),
            new Topic(DepositUnmatched.class, DEPOSIT_UNMATCHED),
            new Topic(MatchConfirmed.class, MATCH_CONFIRMED),
            new Topic(MatchReversed.class, MATCH_REVERSED),
            new Topic(WebhookReceived.class, WEBHOOK_RECEIVED));

    private static final Map<Class<? extends SpecificRecord>, Topic> BY_EVENT = new LinkedHashMap<>();
    private static final Map<String, Topic> BY_TOPIC = new LinkedHashMap<>();

    static {
        for (Topic topic : TOPICS) {
            if (BY_EVENT.put(topic.eventType(), topic) != null || BY_TOPIC.put(topic.topic(), topic) != null) {
                throw new IllegalStateException("Duplicate entry in EventTopics: " + topic);
            }
        }
    }

    private EventTopics() {}

    /** Every event and its topic, in a stable order. */
    public static List<Topic> all() {
        return TOPICS;
    }

    /** Every event topic (dead-letter topics not included), in a stable order. */
    public static List<String> allTopics() {
        return TOPICS.stream().map(Topic::topic).toList();
    }

    /** Every dead-letter topic, in the same order as {@link #allTopics()}. */
    public static List<String> allDeadLetterTopics() {
        return TOPICS.stream().map(Topic::deadLetterTopic).toList();
    }

    /** Every event class, in the same order as {@link #allTopics()}. */
    public static List<Class<? extends SpecificRecord>> allEvents() {
        return TOPICS.stream()
                .<Class<? extends SpecificRecord>>map(Topic::eventType)
                .toList();
    }

    /**
     * The topic an event travels on.
     *
     * @throws IllegalArgumentException if the class is not a Bankflow event
     */
    public static String topicFor(Class<? extends SpecificRecord> eventType) {
        Topic topic = BY_EVENT.get(eventType);
        if (topic == null) {
            throw new IllegalArgumentException("Not a Bankflow event with a topic: " + eventType.getName());
        }
        return topic.topic();
    }

    /** The topic of an event instance; see {@link #topicFor(Class)}. */
    public static String topicFor(SpecificRecord event) {
        return topicFor(event.getClass());
    }

    /** The dead-letter topic for an event's topic. */
    public static String deadLetterTopicFor(Class<? extends SpecificRecord> eventType) {
        return deadLetterTopic(topicFor(eventType));
    }

    /** The dead-letter topic for a topic: {@code <topic>-dlt}. */
    public static String deadLetterTopic(String topic) {
        return Objects.requireNonNull(topic, "topic") + DEAD_LETTER_SUFFIX;
    }

    /** The event class that travels on a topic, if the topic is one of Bankflow's event topics. */
    public static Optional<Class<? extends SpecificRecord>> eventFor(String topic) {
        return Optional.ofNullable(BY_TOPIC.get(topic)).map(Topic::eventType);
    }
}
