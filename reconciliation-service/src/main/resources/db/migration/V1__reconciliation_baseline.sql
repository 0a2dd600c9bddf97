-- reconciliation-service baseline: what the ERP expects to be paid, and the credits nobody could match.
-- Tenant rule: every row has org_id; every secondary index starts with it.
-- Money: amounts in minor units of their ISO 4217 currency (bigint), never floating point.

create table expected_payment (
    id                  uuid          primary key,
    org_id              varchar(64)   not null,
    -- The ERP's own id for what is expected (invoice, order): the key the ERP upserts by.
    erp_reference       varchar(128)  not null,
    customer_code       varchar(11),
    invoice_number      varchar(64),
    -- ISO 11649 RF creditor reference (at most 25 characters).
    creditor_reference  varchar(25),
    -- A national structured reference, e.g. a Norwegian KID (at most 25 digits).
    national_reference  varchar(25),
    amount_minor        bigint        not null,
    -- What has been matched so far; partial payments accumulate here.
    matched_minor       bigint        not null default 0,
    currency            char(3)       not null,
    due_date            date,
    status              varchar(20)   not null,
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    -- Optimistic locking: two credits may race to settle the same expectation.
    version             bigint        not null default 0,
    constraint expected_payment_customer_code_ck check (customer_code ~ '^CUS[0-9]{8}$'),
    constraint expected_payment_amount_ck check (amount_minor > 0 and matched_minor >= 0),
    constraint expected_payment_currency_ck check (currency ~ '^[A-Z]{3}$'),
    constraint expected_payment_status_ck
        check (status in ('OPEN', 'PARTIALLY_PAID', 'PAID', 'CANCELLED')),
    constraint expected_payment_org_id_uk unique (org_id, id)
);

create unique index expected_payment_org_erp_reference_ux on expected_payment (org_id, erp_reference);
-- The matcher's lookups, each by one kind of reference found on a credit.
create index expected_payment_org_customer_code_ix on expected_payment (org_id, customer_code);
create index expected_payment_org_creditor_reference_ix on expected_payment (org_id, creditor_reference);
create index expected_payment_org_national_reference_ix on expected_payment (org_id, national_reference);
create index expected_payment_org_invoice_number_ix on expected_payment (org_id, invoice_number);
create index expected_payment_org_status_due_ix on expected_payment (org_id, status, due_date);

create table review_item (
    id                       uuid           primary key,
    org_id                   varchar(64)    not null,
    -- The statement line (owned by sync-service) this credit came from, as carried by StatementFetched.
    statement_line_id        uuid           not null,
    account_id               uuid           not null,
    booking_date             date           not null,
    amount_minor             bigint         not null,
    currency                 char(3)        not null,
    counterparty_name        varchar(140),
    remittance_information   varchar(1000),
    reason                   varchar(20)    not null,
    status                   varchar(16)    not null,
    -- Set when a user resolves the item by pointing at what it pays.
    resolved_payment_id      uuid,
    resolved_by              varchar(128),
    resolved_at              timestamptz,
    created_at               timestamptz    not null default now(),
    updated_at               timestamptz    not null default now(),
    version                  bigint         not null default 0,
    constraint review_item_reason_ck check (reason in ('NO_CANDIDATE', 'AMBIGUOUS', 'AMOUNT_MISMATCH')),
    constraint review_item_status_ck check (status in ('OPEN', 'RESOLVED', 'DISMISSED')),
    constraint review_item_currency_ck check (currency ~ '^[A-Z]{3}$'),
    constraint review_item_resolved_payment_fk
        foreign key (org_id, resolved_payment_id) references expected_payment (org_id, id)
);

-- One item per statement line: a redelivered StatementFetched cannot queue the same credit twice.
create unique index review_item_org_statement_line_ux on review_item (org_id, statement_line_id);
create index review_item_org_status_created_ix on review_item (org_id, status, created_at);
