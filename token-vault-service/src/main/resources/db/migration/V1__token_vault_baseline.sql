-- token-vault-service baseline: provider tokens, encrypted at rest (envelope encryption, DESIGN.md section 5).
-- Tenant rule: every row has org_id; every secondary index starts with it.

create table token_record (
    id                        uuid         primary key,
    org_id                    varchar(64)  not null,
    -- The connection (owned by connection-service) these tokens were issued for; no foreign key across services.
    connection_id             uuid         not null,
    provider                  varchar(64)  not null,
    status                    varchar(16)  not null,
    -- Ciphertexts carry their own wrapped data key; the columns never hold a token in clear.
    access_token_ciphertext   bytea        not null,
    refresh_token_ciphertext  bytea,
    -- Which version of the key-encryption key wrapped the data keys: rotation re-wraps rows below the current one.
    kek_version               integer      not null,
    access_token_expires_at   timestamptz,
    refresh_token_expires_at  timestamptz,
    -- Space-separated scopes as granted by the provider; not secret.
    scope                     varchar(1000),
    created_at                timestamptz  not null default now(),
    updated_at                timestamptz  not null default now(),
    -- Optimistic locking: a refresh and a revocation must not overwrite each other.
    version                   bigint       not null default 0,
    constraint token_record_status_ck check (status in ('ACTIVE', 'EXPIRED', 'REVOKED')),
    constraint token_record_kek_version_ck check (kek_version > 0)
);

-- One token set per connection; a new consent replaces the record.
create unique index token_record_org_connection_ux on token_record (org_id, connection_id);
create index token_record_org_status_ix on token_record (org_id, status);
