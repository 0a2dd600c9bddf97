-- What the endpoint API (ADR 0002) and the webhook receiver need beyond the baseline.

-- Endpoints ---------------------------------------------------------------------------------------------------------

-- Whether Bankflow generated the secret (shown once at creation, and again only to a retry of that creation with the
-- same Idempotency-Key) or the organisation brought it (never shown back).
alter table webhook_endpoint add column secret_generated boolean not null default false;

-- Deactivation keeps the row: received webhooks reference it and audits need it.
alter table webhook_endpoint add column deactivated_at timestamptz;
update webhook_endpoint set deactivated_at = updated_at where not active;
alter table webhook_endpoint add constraint webhook_endpoint_active_ck check (active = (deactivated_at is null));

comment on column webhook_endpoint.signing_secret_ciphertext is
    'Signing secret encrypted with Tink AEAD; associated data = org_id|id, so a ciphertext copied to another row fails.';
comment on column webhook_endpoint.kek_version is
    'Sealing scheme of signing_secret_ciphertext: 1 = Tink AEAD keyset from bankflow.webhooks.secret-keyset (the'
    ' ciphertext names the key of the keyset it used, so keys rotate inside scheme 1).';

-- The list API pages newest first by (created_at, id).
create index webhook_endpoint_org_created_ix on webhook_endpoint (org_id, created_at desc, id desc);

-- Idempotency-Key of endpoint creations: a retry within the retention gets the first response again.
create table webhook_endpoint_idempotency_key (
    org_id              varchar(64)   not null,
    idempotency_key     varchar(255)  not null,
    -- What the request asked for (provider, whether a secret was provided); never the secret itself.
    request_fingerprint varchar(255)  not null,
    endpoint_id         uuid          not null,
    created_at          timestamptz   not null,
    constraint webhook_endpoint_idempotency_key_pk primary key (org_id, idempotency_key),
    -- Deferred: the key is claimed before the endpoint row is inserted, in the same transaction.
    constraint webhook_endpoint_idempotency_key_endpoint_fk foreign key (org_id, endpoint_id)
        references webhook_endpoint (org_id, id) deferrable initially deferred
);

-- Received webhooks ---------------------------------------------------------------------------------------------------

-- The provider's reference to what the event is about (account, consent), when the payload names one.
alter table received_webhook add column subject_ref varchar(255);
-- The delivery's headers worth keeping (an allowlist per provider: ids, timestamps, content type), never signatures.
alter table received_webhook add column headers jsonb not null default '{}'::jsonb;
-- When the provider signed the delivery (its timestamp header), next to when we received it.
alter table received_webhook add column signed_at timestamptz;
