-- Connections as the consent flow creates them, and the pending OAuth authorizations (state + PKCE verifier).

-- PENDING_CONSENT: the consent exists at the bank and the user has been sent to authorise it. The baseline's PENDING
-- stays allowed so that the constraint change cannot fail on existing rows; the application no longer writes it.
alter table bank_connection drop constraint bank_connection_status_ck;
alter table bank_connection add constraint bank_connection_status_ck
    check (status in ('PENDING', 'PENDING_CONSENT', 'ACTIVE', 'EXPIRED', 'REVOKED', 'FAILED'));
-- The registered account the connection feeds; same organisation by construction (composite key).
alter table bank_connection add column bank_account_id uuid;
alter table bank_account add constraint bank_account_org_id_uk unique (org_id, id);
alter table bank_connection add constraint bank_connection_account_fk
    foreign key (org_id, bank_account_id) references bank_account (org_id, id);
-- 'sandbox' or 'production': which of the provider's environments the connection talks to.
alter table bank_connection add column environment varchar(16) not null default 'sandbox';
-- The consent's id at the bank (Berlin Group consentId).
alter table bank_connection add column consent_id varchar(128);
-- Why a connection FAILED (e.g. 'access_denied'), for the user; never a secret.
alter table bank_connection add column failure_reason varchar(200);
create index bank_connection_org_created_ix on bank_connection (org_id, created_at desc, id desc);

-- One row per authorization the user was sent to. The state is stored as its SHA-256 only (it travels in URLs and
-- browser history); the PKCE verifier must reach token-vault-service with the code, so it is stored encrypted
-- (AES-256-GCM, key outside the database) and never returned or logged. Used or expired rows are useless.
create table oauth_authorization (
    state_hash         char(64)     primary key,
    connection_id      uuid         not null references bank_connection (id),
    org_id             varchar(64)  not null,
    code_verifier_enc  varchar(256) not null,
    redirect_uri       varchar(500) not null,
    expires_at         timestamptz  not null,
    used_at            timestamptz,
    created_at         timestamptz  not null
);

create index oauth_authorization_connection_ix on oauth_authorization (connection_id);
