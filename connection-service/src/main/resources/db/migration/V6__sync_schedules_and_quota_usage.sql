-- Sync schedules per connection and the unattended reads each connection used per provider day (PSD2 allows 4).

-- One schedule per connection. next_run_at is the next slot to request: stored with each request, so a restart
-- neither repeats nor forgets a slot. Local times are in time_zone (an IANA zone id).
create table sync_schedule (
    connection_id  uuid         primary key,
    org_id         varchar(64)  not null,
    frequency      varchar(16)  not null,
    time_of_day    time         not null,
    -- ISO day of week, 1 = Monday; WEEKLY only.
    day_of_week    smallint,
    -- 1 to 31 (the month's last day when it is shorter); MONTHLY only.
    day_of_month   smallint,
    -- TIMES_PER_DAY only; the provider's quota bounds it (checked by the application, the quota is configuration).
    times_per_day  smallint,
    time_zone      varchar(64)  not null,
    paused         boolean      not null default false,
    next_run_at    timestamptz  not null,
    last_run_at    timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint sync_schedule_connection_fk
        foreign key (org_id, connection_id) references bank_connection (org_id, id),
    constraint sync_schedule_frequency_ck
        check (frequency in ('DAILY', 'WEEKLY', 'MONTHLY', 'TIMES_PER_DAY')),
    constraint sync_schedule_day_of_week_ck
        check ((frequency = 'WEEKLY') = (day_of_week is not null) and (day_of_week is null or day_of_week between 1 and 7)),
    constraint sync_schedule_day_of_month_ck
        check ((frequency = 'MONTHLY') = (day_of_month is not null)
               and (day_of_month is null or day_of_month between 1 and 31)),
    constraint sync_schedule_times_per_day_ck
        check ((frequency = 'TIMES_PER_DAY') = (times_per_day is not null)
               and (times_per_day is null or times_per_day between 1 and 24))
);

-- The timer's query (due and not paused, oldest first) serves every organisation: the one index not led by org_id.
create index sync_schedule_due_ix on sync_schedule (next_run_at) where not paused;

-- Reads used per connection and provider day (the day in the provider's time zone). Written in the same transaction
-- as the SyncRequested it counts; old days are kept (a few bytes a day per connection) as the record of reads.
create table sync_quota_usage (
    connection_id  uuid         not null,
    quota_day      date         not null,
    org_id         varchar(64)  not null,
    used           integer      not null,
    constraint sync_quota_usage_pk primary key (connection_id, quota_day),
    constraint sync_quota_usage_connection_fk
        foreign key (org_id, connection_id) references bank_connection (org_id, id),
    constraint sync_quota_usage_used_ck check (used >= 0)
);
