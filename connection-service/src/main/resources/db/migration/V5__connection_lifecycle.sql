-- The connection lifecycle: EXPIRING and ERROR, the consent's validity, the reason and time of the current status,
-- the history of every status change, the consent-expiry warnings already published, and the consent an
-- authorization (first or re-authorization) is for.

alter table bank_connection drop constraint bank_connection_status_ck;
alter table bank_connection add constraint bank_connection_status_ck
    check (status in ('PENDING', 'PENDING_CONSENT', 'ACTIVE', 'EXPIRING', 'EXPIRED', 'REVOKED', 'FAILED', 'ERROR'));
-- The consent's last day (Berlin Group validUntil, inclusive) as the bank granted it. The baseline's
-- consent_expires_at holds the moment it ends (the start of the next day, UTC), which the expiry job searches by.
alter table bank_connection add column consent_valid_until date;
-- Why the connection has its status, for people (never a secret), and since when.
alter table bank_connection add column status_reason varchar(300);
alter table bank_connection add column status_changed_at timestamptz;
update bank_connection set status_changed_at = updated_at, status_reason = failure_reason;
alter table bank_connection alter column status_changed_at set not null;
-- The expiry job looks for usable connections whose consent ends soon, across organisations.
create index bank_connection_consent_end_ix on bank_connection (consent_expires_at)
    where status in ('ACTIVE', 'EXPIRING', 'ERROR');

-- Every change of a connection's status: from, to, why, who, when. Never updated or deleted (also after revocation).
create table connection_status_change (
    id             bigint generated always as identity primary key,
    org_id         varchar(64)  not null,
    connection_id  uuid         not null,
    -- Null for the creation.
    from_status    varchar(16),
    to_status      varchar(16)  not null,
    -- A stable code (e.g. 'consent-expired', 'disconnected') and the words for people.
    reason         varchar(64)  not null,
    detail         varchar(300) not null,
    -- The API client that caused it; null when the system did (an event, the expiry job).
    actor          varchar(200),
    changed_at     timestamptz  not null,
    constraint connection_status_change_connection_fk
        foreign key (org_id, connection_id) references bank_connection (org_id, id)
);
create index connection_status_change_connection_ix on connection_status_change (org_id, connection_id, id);

-- The ConsentExpiring warnings published, one per connection, consent end and threshold (14 or 7 days ahead): a
-- restart neither repeats nor loses one, and a re-authorised connection (a new consent end) is warned again.
create table consent_expiry_warning (
    connection_id       uuid         not null,
    org_id              varchar(64)  not null,
    consent_expires_at  timestamptz  not null,
    days_ahead          smallint     not null,
    published_at        timestamptz  not null,
    constraint consent_expiry_warning_pk primary key (connection_id, consent_expires_at, days_ahead),
    constraint consent_expiry_warning_connection_fk
        foreign key (org_id, connection_id) references bank_connection (org_id, id)
);

-- The consent an authorization is for and the validity asked of the bank. A re-authorization creates a new consent
-- that becomes the connection's only when the user completes it; null on rows of first authorizations written before
-- (their consent is the connection's).
alter table oauth_authorization add column consent_id varchar(128);
alter table oauth_authorization add column consent_valid_until date;
