-- Sync jobs as they run, the connections they run for, and the statement lines they store.
-- V1's sync_job and statement_line were placeholders nothing wrote to; they are replaced by the shapes the job
-- worker needs (a queue with leases and retries; lines that keep pending/booked history and the scale of amounts).
-- Tenant rule: every row has org_id; every secondary index starts with it (except the worker's queue indexes, which
-- serve every tenant's jobs alike).

drop table statement_line;
drop table sync_job;

-- What sync-service knows of each connection it syncs (connection-service owns connections and announces them in
-- SyncRequested). No foreign keys across services.
create table sync_target (
    org_id               varchar(64)   not null,
    connection_id        uuid          not null,
    account_id           uuid          not null,
    provider             varchar(32)   not null,
    -- The provider's consent id (Berlin Group Consent-ID): an identifier, not a credential.
    provider_consent_id  varchar(255),
    account_iban         varchar(34),
    -- The provider's id of the account, learned by the first job (a new consent may change it).
    account_resource_id  varchar(255),
    -- The last booking date a completed job covered: where the next job without dates continues.
    synced_through       date,
    updated_at           timestamptz   not null default now(),
    primary key (org_id, connection_id)
);

-- Webhooks name the consent or the provider's account: how they find the connection to sync.
create index sync_target_org_consent_ix on sync_target (org_id, provider, provider_consent_id);
create index sync_target_org_resource_ix on sync_target (org_id, provider, account_resource_id);

create table sync_job (
    id                 uuid          primary key,
    org_id             varchar(64)   not null,
    connection_id      uuid          not null,
    account_id         uuid          not null,
    provider           varchar(32)   not null,
    reason             varchar(16)   not null,
    status             varchar(16)   not null,
    -- Booking dates asked for, inclusive; null: from the target's cursor / up to today.
    date_from          date,
    date_to            date,
    requested_by       varchar(255),
    -- The IP address of the person who asked and is present (PSD2 PSU-IP-Address); cleared when the job finishes.
    psu_ip_address     varchar(45),
    correlation_id     varchar(64)   not null,
    causation_id       varchar(64),
    requested_at       timestamptz   not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    -- The queue: a QUEUED job runs from not_before on; a RUNNING job whose lease lapsed (its worker died) runs again.
    not_before         timestamptz   not null,
    lease_until        timestamptz,
    attempts           integer       not null default 0,
    fetched_count      integer       not null default 0,
    new_count          integer       not null default 0,
    duplicate_count    integer       not null default 0,
    error_count        integer       not null default 0,
    -- Safe to show: a code, a message without tokens or raw provider answers, and whether a retry may help.
    failure_code       varchar(64),
    failure_message    varchar(500),
    failure_retryable  boolean,
    constraint sync_job_reason_ck check (reason in ('INITIAL', 'SCHEDULED', 'MANUAL', 'WEBHOOK', 'OTHER')),
    constraint sync_job_status_ck check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    constraint sync_job_window_ck check (date_from is null or date_to is null or date_from <= date_to),
    constraint sync_job_org_id_uk unique (org_id, id)
);

create index sync_job_org_connection_requested_ix on sync_job (org_id, connection_id, requested_at desc, id desc);
create index sync_job_org_requested_ix on sync_job (org_id, requested_at desc, id desc);
create index sync_job_queued_ix on sync_job (not_before) where status = 'QUEUED';
create index sync_job_running_ix on sync_job (lease_until) where status = 'RUNNING';

create table statement_line (
    id                       uuid          primary key,
    -- Storage order: the dedup index is rebuilt in this order.
    seq                      bigint        generated always as identity,
    org_id                   varchar(64)   not null,
    account_id               uuid          not null,
    -- The job that brought the line in.
    sync_job_id              uuid          not null,
    -- The provider's id of the account (Berlin Group resourceId).
    account_ref              varchar(255)  not null,
    provider_transaction_id  varchar(255),
    entry_reference          varchar(255),
    -- SHA-256 hex of the normalised line: deduplicates lines without a provider id.
    dedup_key                char(64)      not null,
    status                   varchar(16)   not null,
    -- Null for pending lines the bank has not booked yet.
    booking_date             date,
    value_date               date,
    -- Signed (credits positive), exact, at the scale the provider gave (unconstrained numeric keeps it).
    amount                   numeric       not null,
    currency                 char(3)       not null,
    counterparty_name        text,
    counterparty_account     text,
    remittance_information   text,
    structured_reference     text,
    end_to_end_id            text,
    bank_transaction_code    text,
    -- A booked line that replaced a pending one, and the other way round.
    supersedes_line_id       uuid,
    superseded_by_line_id    uuid,
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now(),
    constraint statement_line_status_ck check (status in ('BOOKED', 'PENDING')),
    constraint statement_line_booked_date_ck check (status = 'PENDING' or booking_date is not null),
    constraint statement_line_currency_ck check (currency ~ '^[A-Z]{3}$'),
    constraint statement_line_sync_job_fk foreign key (org_id, sync_job_id) references sync_job (org_id, id)
);

-- The same provider transaction is current once per account, whatever fetches it again; a pending line that books
-- under the same id is kept, superseded, next to its booked form.
create unique index statement_line_org_account_provider_tx_ux
    on statement_line (org_id, account_id, provider_transaction_id) where superseded_by_line_id is null;
create index statement_line_org_account_seq_ix on statement_line (org_id, account_id, seq);
create index statement_line_org_sync_job_ix on statement_line (org_id, sync_job_id);
