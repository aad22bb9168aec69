-- The archive of reports: one row per version of a report. A report's content is frozen
-- as JSON when it is generated; an approved version never changes (a re-issue is a new
-- issue with its reason). `version` is the optimistic lock of the row's workflow.
create table report (
    report_id      bigserial primary key,
    kind           text not null,
    period         text not null,
    unit_code      text not null,
    issue          integer not null default 1 check (issue >= 1),
    status         text not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'ISSUED', 'SUPERSEDED')),
    version        integer not null default 0,
    title          text not null,
    due_on         date,
    content        jsonb not null,
    reissue_reason text,
    created_at     timestamptz not null default now(),
    created_by     text not null,
    submitted_at   timestamptz,
    submitted_by   text,
    approved_at    timestamptz,
    approved_by    text,
    unique (kind, period, unit_code, issue),
    check (issue = 1 or reissue_reason is not null)
);

create index report_kind_period on report (kind, period desc);

-- Every change of a report's status, who made it and when: never updated.
create table report_history (
    report_id   bigint not null references report (report_id),
    changed_at  timestamptz not null default now(),
    changed_by  text not null,
    from_status text,
    to_status   text not null,
    note        text
);

create index report_history_report on report_history (report_id, changed_at);
