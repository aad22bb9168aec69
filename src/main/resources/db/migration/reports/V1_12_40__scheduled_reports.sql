-- Scheduled reports: who receives each kind (and, for the monthly unit report, each
-- unit), how (the PDF attached or a link to it), every change to those lists, and every
-- email sent, so that a report is mailed to an address once even if its event is
-- delivered again after a crash.
create table report_distribution (
    entry_id   bigserial primary key,
    kind       text not null,
    unit_code  text not null default '',
    email      text not null check (email = lower(email) and length(email) <= 254),
    delivery   text not null check (delivery in ('PDF', 'LINK')),
    added_at   timestamptz not null,
    added_by   text not null,
    unique (kind, unit_code, email)
);

create table report_distribution_change (
    changed_at timestamptz not null,
    changed_by text not null,
    kind       text not null,
    unit_code  text not null,
    email      text not null,
    delivery   text not null,
    change     text not null check (change in ('ADDED', 'REMOVED'))
);

create index report_distribution_change_at on report_distribution_change (changed_at desc);

create table report_mailing (
    report_id bigint not null references report (report_id),
    email     text not null,
    delivery  text not null,
    sent_at   timestamptz not null,
    outcome   text not null check (outcome in ('SENT', 'FAILED')),
    error     text,
    primary key (report_id, email)
);

-- The supply chain: subcontractors, their contacts (who receive the monthly
-- subcontractor report) and the delivery units they run. A unit is run by one
-- subcontractor at most. Every change is recorded, never overwritten.
create table report_subcontractor (
    subcontractor_id bigserial primary key,
    name             text not null unique check (length(name) between 1 and 120),
    contacts         text[] not null,
    version          integer not null default 0,
    updated_at       timestamptz not null,
    updated_by       text not null
);

create table report_subcontractor_unit (
    unit_code        text primary key,
    subcontractor_id bigint not null references report_subcontractor (subcontractor_id)
);

create table report_subcontractor_change (
    changed_at       timestamptz not null,
    changed_by       text not null,
    subcontractor_id bigint not null,
    name             text not null,
    change           text not null,
    detail           text not null
);

create index report_subcontractor_change_at on report_subcontractor_change (changed_at desc);

comment on column report_distribution.email is 'Personal data: a work email address of a recipient.';
comment on column report_subcontractor.contacts is 'Personal data: work email addresses of the subcontractor''s contacts.';
