-- Envelope encryption as built (docs/services/token-vault-service.md): each record has its own data key (DEK), wrapped
-- by the key-encryption key (KEK); the ciphertexts are bound to org|connection|field by AEAD associated data.
-- Crypto-shredding nulls the wrapped data key and the ciphertexts and keeps the row as a tombstone (status REVOKED).

alter table token_record
    -- Replaced by kek_id + kek_key_version: a Tink key id or a Vault Transit version, not always a positive integer.
    drop constraint token_record_kek_version_ck,
    drop column kek_version,
    -- The record's data key (a Tink AES256-GCM keyset), encrypted by the KEK; null once shredded.
    add column data_key_wrapped bytea,
    -- Which KEK wrapped the data key (e.g. local-keyset, later vault-transit:<key>) and which of its key versions:
    -- rotation re-wraps the rows still on an older version, without touching the token ciphertexts.
    add column kek_id varchar(100),
    add column kek_key_version varchar(64),
    add column shredded_at timestamptz,
    alter column access_token_ciphertext drop not null;

alter table token_record
    add constraint token_record_sealed_ck check (
        (status = 'REVOKED' and data_key_wrapped is null and access_token_ciphertext is null
            and refresh_token_ciphertext is null and kek_id is null and kek_key_version is null
            and shredded_at is not null)
        or (status <> 'REVOKED' and data_key_wrapped is not null and access_token_ciphertext is not null
            and kek_id is not null and kek_key_version is not null and access_token_expires_at is not null));

-- A connection belongs to exactly one organisation: a second organisation's tokens for the same connection id are a
-- bug upstream, refused rather than stored beside the first. (An integrity rule, not a query path, hence no org_id.)
create unique index token_record_connection_ux on token_record (connection_id);

-- Who did what with a connection's tokens, and when. Never a token, a ciphertext or a key.
create table token_audit (
    id              bigint        generated always as identity primary key,
    org_id          varchar(64)   not null,
    connection_id   uuid          not null,
    operation       varchar(32)   not null,
    -- The service client (token's client_id) that called, or the event that caused it (e.g. ConnectionRevoked).
    actor           varchar(200)  not null,
    correlation_id  varchar(200),
    occurred_at     timestamptz   not null,
    constraint token_audit_operation_ck check (operation in ('TOKENS_STORED', 'ACCESS_TOKEN_HANDED_OUT', 'TOKENS_SHREDDED'))
);

create index token_audit_org_connection_ix on token_audit (org_id, connection_id, occurred_at);
