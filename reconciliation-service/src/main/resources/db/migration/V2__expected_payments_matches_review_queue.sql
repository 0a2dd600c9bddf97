-- The first real slice (issue "First deposit end to end"): expected payments by customer code, deposit matches and
-- the review queue. Nothing wrote these tables before this version, so columns are reshaped rather than migrated.
-- Money: exact numeric(24,6) + ISO 4217 currency, the scale of the events' Money (Avro decimal(24,6)).

-- Expected payments ---------------------------------------------------------------------------------------------------

-- An expected payment is, for now, a customer code the ERP registers; amount, invoice and ERP reference are optional.
alter table expected_payment drop constraint expected_payment_amount_ck;
alter table expected_payment drop constraint expected_payment_status_ck;
alter table expected_payment drop column amount_minor;
alter table expected_payment drop column matched_minor;
alter table expected_payment alter column erp_reference drop not null;
alter table expected_payment alter column currency drop not null;
alter table expected_payment alter column customer_code set not null;
alter table expected_payment add column customer_name varchar(140);
alter table expected_payment add column amount numeric(24, 6);
alter table expected_payment add column reference varchar(140);
alter table expected_payment add column deactivated_at timestamptz;
alter table expected_payment alter column status set default 'ACTIVE';
alter table expected_payment add constraint expected_payment_status_ck check (status in ('ACTIVE', 'INACTIVE'));
alter table expected_payment add constraint expected_payment_active_ck
    check ((status = 'ACTIVE') = (deactivated_at is null));
alter table expected_payment add constraint expected_payment_amount_ck
    check ((amount is null) = (currency is null) and (amount is null or amount > 0));

-- One active expected payment per customer code and organisation: a credit carrying the code has one target.
create unique index expected_payment_org_active_customer_code_ux
    on expected_payment (org_id, customer_code) where status = 'ACTIVE';
-- The list API pages newest first by (created_at, id).
create index expected_payment_org_created_ix on expected_payment (org_id, created_at desc, id desc);

-- Idempotency-Key of creations: a retry within the retention gets the first response again.
create table expected_payment_idempotency_key (
    org_id              varchar(64)   not null,
    idempotency_key     varchar(255)  not null,
    -- SHA-256 (hex) of the canonical request body: the same key with another body is refused.
    request_fingerprint varchar(64)   not null,
    expected_payment_id uuid          not null,
    created_at          timestamptz   not null,
    constraint expected_payment_idempotency_key_pk primary key (org_id, idempotency_key),
    -- Deferred: the key is claimed before the expected payment row is inserted, in the same transaction.
    constraint expected_payment_idempotency_key_payment_fk foreign key (org_id, expected_payment_id)
        references expected_payment (org_id, id) deferrable initially deferred
);

-- Review items --------------------------------------------------------------------------------------------------------

alter table review_item drop constraint review_item_reason_ck;
alter table review_item alter column reason type varchar(32);
alter table review_item drop column amount_minor;
alter table review_item add column amount numeric(24, 6) not null;
-- Booked lines normally have a booking date, but the contract allows none.
alter table review_item alter column booking_date drop not null;
-- Payer texts are free text of any length the provider sends; they are shown, never searched by prefix.
alter table review_item alter column counterparty_name type text;
alter table review_item alter column remittance_information type text;
alter table review_item add column counterparty_account text;
alter table review_item add column structured_reference text;
-- The customer codes found in the line, sorted, comma separated (empty when none): why it was ambiguous or unknown.
alter table review_item add column found_customer_codes varchar(1000) not null default '';
-- The StatementFetched event that queued it.
alter table review_item add column source_event_id uuid;
-- The match that resolved it.
alter table review_item add column resolved_match_id uuid;
alter table review_item add constraint review_item_reason_ck
    check (reason in ('NO_REFERENCE', 'UNKNOWN_CUSTOMER_CODE', 'AMBIGUOUS'));
alter table review_item add constraint review_item_amount_ck check (amount > 0);
alter table review_item add constraint review_item_resolved_ck
    check ((status = 'RESOLVED') = (resolved_match_id is not null));

-- Deposit matches -----------------------------------------------------------------------------------------------------

create table deposit_match (
    id                   uuid           primary key,
    org_id               varchar(64)    not null,
    -- The statement line (owned by sync-service), as carried by StatementFetched.
    statement_line_id    uuid           not null,
    account_id           uuid           not null,
    amount               numeric(24, 6) not null,
    currency             char(3)        not null,
    booking_date         date,
    customer_code        varchar(11)    not null,
    expected_payment_id  uuid,
    method               varchar(32)    not null,
    -- The review item a manual match resolved.
    review_item_id       uuid,
    -- The client that matched manually; null for automatic matches.
    matched_by           varchar(128),
    -- The StatementFetched event that produced an automatic match.
    source_event_id      uuid,
    created_at           timestamptz    not null,
    constraint deposit_match_amount_ck check (amount > 0),
    constraint deposit_match_currency_ck check (currency ~ '^[A-Z]{3}$'),
    constraint deposit_match_customer_code_ck check (customer_code ~ '^CUS[0-9]{8}$'),
    constraint deposit_match_method_ck check (method in ('CUSTOMER_CODE', 'MANUAL')),
    constraint deposit_match_expected_payment_fk
        foreign key (org_id, expected_payment_id) references expected_payment (org_id, id),
    constraint deposit_match_org_id_uk unique (org_id, id)
);

-- A line is matched at most once per organisation, even when it arrives in two events.
create unique index deposit_match_org_statement_line_ux on deposit_match (org_id, statement_line_id);
-- The matches API: by account, newest first.
create index deposit_match_org_account_created_ix on deposit_match (org_id, account_id, created_at desc, id desc);
create index deposit_match_org_created_ix on deposit_match (org_id, created_at desc, id desc);
