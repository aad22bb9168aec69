-- Every import attempt, applied or not: who imported which dataset when, and the outcome.
create table import_run (
    id bigserial primary key,
    dataset text not null check (dataset in ('UNITS', 'STAFF', 'PEOPLE', 'EVENTS', 'REQUIREMENTS', 'CONTACTS', 'PLANS', 'REFERRALS', 'ACCOMMODATION')),
    username text not null,
    started_at timestamptz not null,
    finished_at timestamptz not null,
    outcome text not null check (outcome in ('APPLIED', 'REJECTED', 'FAILED')),
    rows bigint not null default 0,
    inserted integer not null default 0,
    updated integer not null default 0,
    error_count bigint not null default 0,
    file_name text
);
create index import_run_started on import_run (started_at desc, id desc);
