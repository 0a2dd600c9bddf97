-- Provider notifications: each provider webhook (WebhookReceived from webhook-ingest-service) as sync-service keeps it,
-- so that "transactions available" notifications can start sync jobs for the matching connection.
-- Tenant rule: every row has org_id; every secondary index starts with it.

create table provider_notification (
    id                 uuid          primary key,
    org_id             varchar(64)   not null,
    provider           varchar(32)   not null,
    -- webhook-ingest-service's id of the stored delivery (its raw payload stays there); no foreign keys across services.
    webhook_id         uuid          not null,
    -- The provider's event id: the same on the provider's retries.
    provider_event_id  varchar(255)  not null,
    -- The provider's event type, verbatim ('unknown' when the webhook did not say).
    event_type         varchar(128)  not null,
    -- The provider's account, item or consent reference, when the webhook names one: what a sync job is matched on.
    subject_ref        varchar(255),
    -- When webhook-ingest-service received the webhook, and when sync-service recorded it.
    received_at        timestamptz   not null,
    recorded_at        timestamptz   not null default now(),
    -- One notification per delivery, whatever redelivers the event.
    constraint provider_notification_org_webhook_uk unique (org_id, webhook_id)
);

-- "What did this provider say about this account lately": the lookup that turns notifications into sync jobs.
create index provider_notification_org_subject_ix
    on provider_notification (org_id, provider, subject_ref, received_at desc);
