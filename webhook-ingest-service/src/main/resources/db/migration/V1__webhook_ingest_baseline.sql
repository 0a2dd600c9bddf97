-- webhook-ingest-service baseline: webhook endpoints (one per organisation and provider, ADR 0002) and the
-- webhooks received on them, stored raw before anything else happens.
-- Tenant rule: every row has org_id; every secondary index starts with it.

create table webhook_endpoint (
    id                        uuid         primary key,
    org_id                    varchar(64)  not null,
    provider                  varchar(32)  not null,
    -- The signing secret is needed again for every verification (HMAC), so it is stored, encrypted.
    signing_secret_ciphertext bytea        not null,
    kek_version               integer      not null,
    active                    boolean      not null default true,
    created_at                timestamptz  not null default now(),
    updated_at                timestamptz  not null default now(),
    version                   bigint       not null default 0,
    constraint webhook_endpoint_kek_version_ck check (kek_version > 0),
    constraint webhook_endpoint_org_id_uk unique (org_id, id)
);

create index webhook_endpoint_org_provider_ix on webhook_endpoint (org_id, provider);

create table received_webhook (
    id                 uuid          primary key,
    org_id             varchar(64)   not null,
    endpoint_id        uuid          not null,
    provider           varchar(32)   not null,
    -- The provider's event id (Stripe evt_..., PayPal WH-...): providers retry for days, this is how retries are
    -- recognised.
    provider_event_id  varchar(255)  not null,
    event_type         varchar(128)  not null,
    -- The body exactly as received (bytes, not jsonb): signatures are over these bytes, and audits re-verify them.
    payload            bytea         not null,
    content_type       varchar(128),
    received_at        timestamptz   not null default now(),
    constraint received_webhook_endpoint_fk foreign key (org_id, endpoint_id) references webhook_endpoint (org_id, id)
);

-- Deduplication by the provider's event id, per organisation: one organisation's events can never suppress
-- another's, and the index starts with org_id like every other.
create unique index received_webhook_org_provider_event_ux on received_webhook (org_id, provider, provider_event_id);
create index received_webhook_org_received_ix on received_webhook (org_id, received_at);
