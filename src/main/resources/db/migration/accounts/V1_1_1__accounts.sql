-- Who may sign in, with which role and data scope, and every opening of a case.
create table account (
    username text primary key,
    display_name text not null,
    password_hash text not null,
    role text not null check (role in ('ADMIN', 'QUALITY_TEAM', 'SENIOR_MANAGER', 'LINE_MANAGER', 'PRACTITIONER', 'API_CLIENT')),
    staff_code char(7),
    unit_code varchar(12),
    enabled boolean not null default true,
    failed_attempts integer not null default 0,
    locked_until timestamptz,
    created_at timestamptz not null default now(),
    version integer not null default 0
);

create table case_access_log (
    id bigserial primary key,
    username text not null,
    crn char(7) not null,
    accessed_at timestamptz not null default now(),
    outcome text not null check (outcome in ('OPENED', 'REFUSED_RESTRICTED', 'REFUSED_OUT_OF_SCOPE'))
);
create index case_access_log_crn on case_access_log (crn, accessed_at);
create index case_access_log_user on case_access_log (username, accessed_at);
