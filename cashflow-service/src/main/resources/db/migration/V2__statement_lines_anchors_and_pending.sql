-- cashflow-service: the facts the balance series is computed from, instead of a stored series.
--
-- V1's daily_balance stored end-of-day balances. Nothing ever wrote it, and a stored balance would have to be
-- rewritten for every later day whenever a late line, a correction or a new closing balance arrives. The service now
-- keeps the facts (booked lines, per-day totals, reported balances, pending lines) and reconstructs the balances on
-- read (domain BalanceSeries). Dropped while it holds no data.
--
-- Money: numeric(24,6), exactly the events' Avro decimal(24, 6), so sub-minor amounts some processors report are kept
-- as they came; never floating point. Tenant rule: every row has org_id and every key starts with it.

drop table daily_balance;

-- Every booked line counted, once per line id: the unique key makes the same line in two events count once.
create table applied_line (
    org_id        varchar(64)   not null,
    -- sync-service's line id: stable across re-fetches of the same transaction.
    line_id       uuid          not null,
    account_id    uuid          not null,
    currency      char(3)       not null,
    booking_date  date          not null,
    -- Signed: credits positive.
    amount        numeric(24,6) not null,
    -- The event that carried the counted version (for tracing).
    event_id      uuid          not null,
    applied_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now(),
    constraint applied_line_pk primary key (org_id, line_id),
    constraint applied_line_currency_ck check (currency ~ '^[A-Z]{3}$')
);

-- Booked money in and out per series and booking date: the sum of applied_line, kept up to date in the same
-- transaction, so reading a year of a busy account reads 366 rows, not every line.
create table daily_movement (
    org_id        varchar(64)   not null,
    account_id    uuid          not null,
    currency      char(3)       not null,
    booking_date  date          not null,
    inflow        numeric(24,6) not null default 0,
    outflow       numeric(24,6) not null default 0,
    line_count    integer       not null default 0,
    constraint daily_movement_pk primary key (org_id, account_id, currency, booking_date),
    constraint daily_movement_flows_ck check (inflow >= 0 and outflow >= 0 and line_count >= 0)
);

-- Balances the banks reported: authoritative at the end of their date; the series is walked from the latest.
create table balance_anchor (
    org_id        varchar(64)   not null,
    account_id    uuid          not null,
    currency      char(3)       not null,
    balance_date  date          not null,
    amount        numeric(24,6) not null,
    -- As the provider named it (closingBooked, interimAvailable, ...).
    balance_type  varchar(64)   not null,
    event_id      uuid          not null,
    recorded_at   timestamptz   not null default now(),
    constraint balance_anchor_pk primary key (org_id, account_id, currency, balance_date),
    constraint balance_anchor_currency_ck check (currency ~ '^[A-Z]{3}$')
);

-- Pending lines: never history; the forecast counts them on their expected date. Deleted when they book.
create table pending_line (
    org_id         varchar(64)   not null,
    line_id        uuid          not null,
    account_id     uuid          not null,
    currency       char(3)       not null,
    -- Value date, else booking date, when the provider gave one.
    expected_date  date,
    amount         numeric(24,6) not null,
    first_seen_on  date          not null,
    updated_at     timestamptz   not null default now(),
    constraint pending_line_pk primary key (org_id, line_id),
    constraint pending_line_currency_ck check (currency ~ '^[A-Z]{3}$')
);

create index pending_line_series_ix on pending_line (org_id, account_id, currency);

-- The series (account and currency) each organisation has any data for: the API's listing and its 404 rule.
create table tracked_series (
    org_id         varchar(64)  not null,
    account_id     uuid         not null,
    currency       char(3)      not null,
    first_seen_at  timestamptz  not null default now(),
    constraint tracked_series_pk primary key (org_id, account_id, currency)
);
