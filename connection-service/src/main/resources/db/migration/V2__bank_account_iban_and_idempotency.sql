-- Bank accounts as the API registers them: the IBAN itself (electronic form, upper case, no spaces) beside the
-- masked number that is shown, and the Idempotency-Keys of account creations.

-- The full IBAN is kept because the consent at the bank names the account by it (Berlin Group access.accounts) and
-- statement lines are matched to accounts by it; the API only ever shows masked_number.
alter table bank_account add column iban varchar(34);
alter table bank_account add constraint bank_account_iban_ck check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$');
-- An organisation registers an IBAN once (an account may be deactivated and activated again instead).
create unique index bank_account_org_iban_ux on bank_account (org_id, iban);
-- Cursor pages: newest first within the organisation.
create index bank_account_org_created_ix on bank_account (org_id, created_at desc, id desc);

create table bank_account_idempotency_key (
    org_id              varchar(64)  not null,
    idempotency_key     varchar(255) not null,
    -- SHA-256 (hex) of what the request asked for: the same key with another body is refused.
    request_fingerprint char(64)     not null,
    bank_account_id     uuid         not null,
    created_at          timestamptz  not null,
    constraint bank_account_idempotency_key_pk primary key (org_id, idempotency_key)
);
