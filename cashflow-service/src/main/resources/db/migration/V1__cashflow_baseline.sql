-- cashflow-service baseline: one balance per account, currency and day, the series history and forecast read.
-- Tenant rule: every row has org_id; the primary key starts with it.
-- Money: amounts in minor units of their ISO 4217 currency (bigint), never floating point.

create table daily_balance (
    org_id                 varchar(64)  not null,
    -- The account (owned by connection-service); no foreign key across services.
    account_id             uuid         not null,
    currency               char(3)      not null,
    balance_date           date         not null,
    closing_balance_minor  bigint       not null,
    credits_minor          bigint       not null default 0,
    debits_minor           bigint       not null default 0,
    -- REPORTED: the bank's closing balance; DERIVED: computed from the previous day and the day's lines.
    source                 varchar(16)  not null,
    updated_at             timestamptz  not null default now(),
    version                bigint       not null default 0,
    -- The natural key: the series is read by account and date range, and upserted by day.
    constraint daily_balance_pk primary key (org_id, account_id, currency, balance_date),
    constraint daily_balance_source_ck check (source in ('REPORTED', 'DERIVED')),
    constraint daily_balance_currency_ck check (currency ~ '^[A-Z]{3}$'),
    constraint daily_balance_flows_ck check (credits_minor >= 0 and debits_minor >= 0)
);

-- Organisation-wide totals per currency and day (the dashboard's "all accounts" view).
create index daily_balance_org_currency_date_ix on daily_balance (org_id, currency, balance_date);
