-- Two-factor challenges a bank asks of a connection's user, and the audit trail of schedule changes and 2FA
-- verifications.

-- The OTP itself is never stored: otp_hash is a salted PBKDF2-HMAC-SHA256 hash, present only while an OTP challenge is
-- PENDING and erased (set null) by every final status; the check constraint keeps it so.
create table two_factor_challenge (
    id             uuid         primary key,
    org_id         varchar(64)  not null,
    connection_id  uuid         not null,
    type           varchar(8)   not null,
    status         varchar(16)  not null,
    attempts       smallint     not null,
    max_attempts   smallint     not null,
    expires_at     timestamptz  not null,
    created_at     timestamptz  not null,
    completed_at   timestamptz,
    otp_hash       varchar(200),
    constraint two_factor_challenge_connection_fk
        foreign key (org_id, connection_id) references bank_connection (org_id, id),
    constraint two_factor_challenge_type_ck check (type in ('OTP', 'PUSH')),
    constraint two_factor_challenge_status_ck check (status in ('PENDING', 'VERIFIED', 'FAILED', 'EXPIRED')),
    constraint two_factor_challenge_attempts_ck
        check (max_attempts between 1 and 5 and attempts between 0 and max_attempts),
    constraint two_factor_challenge_hash_ck
        check ((otp_hash is not null) = (type = 'OTP' and status = 'PENDING')),
    constraint two_factor_challenge_completed_ck check ((completed_at is null) = (status = 'PENDING'))
);

create index two_factor_challenge_connection_ix on two_factor_challenge (org_id, connection_id, created_at desc);
-- The expiry job's query serves every organisation.
create index two_factor_challenge_pending_ix on two_factor_challenge (expires_at) where status = 'PENDING';

-- Who did what to a connection, and when. Only inserted, never updated or deleted; never a secret in details.
create table audit_entry (
    id             uuid         primary key,
    org_id         varchar(64)  not null,
    connection_id  uuid         not null,
    -- A stable code, e.g. 'schedule-changed', 'challenge-verified'.
    action         varchar(64)  not null,
    -- The API client that did it (the token's client id); null when the system did.
    actor          varchar(200),
    details        varchar(500) not null,
    occurred_at    timestamptz  not null,
    constraint audit_entry_connection_fk
        foreign key (org_id, connection_id) references bank_connection (org_id, id)
);

create index audit_entry_org_occurred_ix on audit_entry (org_id, occurred_at desc, id desc);
create index audit_entry_connection_ix on audit_entry (org_id, connection_id, occurred_at desc, id desc);
