-- One table for the Idempotency-Keys of every creation (bank accounts, connections), and the bank's authorization
-- endpoint kept with each OAuth authorization.

-- A key is claimed by a row before the creation runs (resource_id null) and completed in the creation's transaction
-- (resource_id set); a failed creation deletes its claim. A claim that outlives the in-progress timeout (its instance
-- died) or a finished row older than the retention is taken over by the next request with the key.
create table idempotency_key (
    org_id              varchar(64)  not null,
    -- What the key created: 'bank-account' or 'connection'; a client may use the same key for both.
    scope               varchar(32)  not null,
    idempotency_key     varchar(255) not null,
    -- SHA-256 (hex) of what the request asked for: the same key with another body is refused.
    request_fingerprint char(64)     not null,
    -- The request holding the key: only it completes or releases the claim (not one that took an abandoned claim over).
    claim_id            uuid         not null,
    -- What the request created; null while it runs.
    resource_id         uuid,
    claimed_at          timestamptz  not null,
    completed_at        timestamptz,
    constraint idempotency_key_pk primary key (org_id, scope, idempotency_key),
    constraint idempotency_key_completed_ck check ((resource_id is null) = (completed_at is null))
);

-- Account creations remembered so far keep being replayed. bank_account_idempotency_key is no longer written; it stays
-- until no instance of the previous release runs (they still use it during a rolling update) and is dropped later.
insert into idempotency_key (org_id, scope, idempotency_key, request_fingerprint, claim_id, resource_id, claimed_at,
                             completed_at)
select org_id, 'bank-account', idempotency_key, request_fingerprint, gen_random_uuid(), bank_account_id, created_at,
       created_at
from bank_account_idempotency_key
on conflict do nothing;

-- The bank's OAuth authorization endpoint for the connection's consent (not a secret: no state, no verifier in it).
-- A retried POST /connections (same Idempotency-Key) sends the user there again with a new state and verifier,
-- instead of the first URL, which is never stored. Null on rows written before this column existed.
alter table oauth_authorization add column authorization_endpoint varchar(500);
