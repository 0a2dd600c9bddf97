-- sync-service baseline: sync jobs and the statement lines they bring in.
-- Tenant rule: every row has org_id; every secondary index starts with it.
-- Money: amounts in minor units of their ISO 4217 currency (bigint), never floating point.

create table sync_job (
    id             uuid         primary key,
    org_id         varchar(64)  not null,
    -- The connection and account (owned by connection-service); no foreign keys across services.
    connection_id  uuid         not null,
    -- Null when the job covers every account of the connection.
    account_id     uuid,
    triggered_by   varchar(16)  not null,
    status         varchar(16)  not null,
    -- The booking-date window asked of the provider, inclusive.
    window_from    date,
    window_to      date,
    requested_at   timestamptz  not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    lines_fetched  integer      not null default 0,
    lines_new      integer      not null default 0,
    -- A classification safe to show to users (e.g. 'CONSENT_EXPIRED'), never a raw provider response.
    failure_reason varchar(64),
    version        bigint       not null default 0,
    constraint sync_job_triggered_by_ck check (triggered_by in ('INITIAL', 'SCHEDULED', 'MANUAL', 'WEBHOOK', 'FILE_IMPORT')),
    constraint sync_job_status_ck check (status in ('REQUESTED', 'RUNNING', 'COMPLETED', 'FAILED')),
    constraint sync_job_window_ck check (window_from is null or window_to is null or window_from <= window_to),
    constraint sync_job_org_id_uk unique (org_id, id)
);

create index sync_job_org_connection_requested_ix on sync_job (org_id, connection_id, requested_at desc);
create index sync_job_org_status_ix on sync_job (org_id, status);

create table statement_line (
    id                       uuid          primary key,
    org_id                   varchar(64)   not null,
    account_id               uuid          not null,
    -- The job that first brought the line in.
    sync_job_id              uuid          not null,
    -- The provider's id for the transaction. Null for sources without ids (CSV files): those deduplicate on
    -- dedup_key, which is not unique because two genuinely identical lines can exist.
    provider_transaction_id  varchar(128),
    dedup_key                varchar(64)   not null,
    status                   varchar(16)   not null,
    booking_date             date          not null,
    value_date               date,
    -- Signed: credits positive, debits negative.
    amount_minor             bigint        not null,
    currency                 char(3)       not null,
    counterparty_name        varchar(140),
    counterparty_account     varchar(42),
    -- Unstructured remittance text as the bank delivered it (ISO 20022 allows 140 characters per occurrence).
    remittance_information   varchar(1000),
    -- Structured creditor reference (ISO 11649 RF or a national one such as a Norwegian KID).
    creditor_reference       varchar(35),
    end_to_end_id            varchar(35),
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now(),
    constraint statement_line_status_ck check (status in ('BOOKED', 'PENDING')),
    constraint statement_line_currency_ck check (currency ~ '^[A-Z]{3}$'),
    constraint statement_line_sync_job_fk foreign key (org_id, sync_job_id) references sync_job (org_id, id)
);

-- Deduplication by the provider's id: the same transaction is stored once per account, whatever fetches it again.
create unique index statement_line_org_account_provider_tx_ux
    on statement_line (org_id, account_id, provider_transaction_id);
create index statement_line_org_account_dedup_ix on statement_line (org_id, account_id, dedup_key);
create index statement_line_org_account_booking_ix on statement_line (org_id, account_id, booking_date);
create index statement_line_org_sync_job_ix on statement_line (org_id, sync_job_id);
