-- Improvement (improvement.md): plans of every kind, the inspections that inspection
-- responses answer, recommendations, actions with their history, and risk registers.

-- An inspection as published: the rating of each of the ten standards as the report gave it.
create table improvement_inspection (
    inspection_id bigserial primary key,
    name text not null,
    unit_code varchar(12) not null,
    published_on date not null,
    created_at timestamptz not null default now(),
    created_by text not null
);

create table improvement_inspection_rating (
    inspection_id bigint not null references improvement_inspection (inspection_id),
    standard_code text not null,
    rating text not null check (rating in ('INADEQUATE', 'REQUIRES_IMPROVEMENT', 'GOOD', 'OUTSTANDING')),
    primary key (inspection_id, standard_code)
);

create table improvement_plan (
    plan_id bigserial primary key,
    kind text not null check (kind in ('INSPECTION_RESPONSE', 'SITE_DEVELOPMENT', 'QUALITY_DEVELOPMENT',
        'STRATEGIC_PRIORITIES', 'RISK_ASSURANCE', 'SERVICE_IMPROVEMENT')),
    title text not null,
    unit_code varchar(12) not null,
    owner text not null,
    owner_staff char(7),
    inspection_id bigint references improvement_inspection (inspection_id),
    -- the plan that actions raised automatically go to: one per unit and kind
    standing boolean not null default false,
    archived_at timestamptz,
    archived_by text,
    created_at timestamptz not null default now(),
    created_by text not null,
    version integer not null default 0
);
create unique index improvement_plan_standing on improvement_plan (kind, unit_code) where standing;
create index improvement_plan_unit on improvement_plan (unit_code);

create table improvement_recommendation (
    plan_id bigint not null references improvement_plan (plan_id),
    rec_no integer not null check (rec_no > 0),
    text text not null,
    response text not null check (response in ('AGREED', 'PARTLY_AGREED', 'NOT_AGREED')),
    reason_category text check (reason_category in ('COMMISSIONING', 'POLICY', 'OPERATIONAL', 'AFFORDABILITY')),
    explanation text,
    primary key (plan_id, rec_no),
    check ((response = 'AGREED') = (reason_category is null))
);

create table improvement_action (
    action_id bigserial primary key,
    plan_id bigint not null references improvement_plan (plan_id),
    rec_no integer,
    action_no integer not null,
    description text not null,
    owner_role text not null,
    owner_staff char(7),
    target_date date not null,
    recurrence text check (recurrence in ('MONTHLY', 'QUARTERLY')),
    status text not null default 'NOT_STARTED' check (status in ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'CANCELLED')),
    cancel_reason text,
    source_kind text not null check (source_kind in ('ALERT', 'AUDIT_FINDING', 'MEASURE_FLAG', 'RECOMMENDATION',
        'MANUAL', 'COMPLAINT', 'SURVEY', 'PROJECT')),
    source_ref text,
    -- the part of the source an action answers, e.g. the failed standard of an audit
    source_part text,
    -- the unit whose staff own the action (a team's line manager, a unit's manager)
    unit_code varchar(12) not null,
    created_at timestamptz not null,
    created_on date not null,
    created_by text not null,
    version integer not null default 0,
    foreign key (plan_id, rec_no) references improvement_recommendation (plan_id, rec_no),
    check ((status = 'CANCELLED') = (cancel_reason is not null))
);
-- once per source, whatever happens to the event that raised it (redelivery, two nodes)
create unique index improvement_action_source
    on improvement_action (source_kind, source_ref, (coalesce(source_part, '')))
    where source_ref is not null;
create index improvement_action_plan on improvement_action (plan_id);
create index improvement_action_open on improvement_action (target_date) where status in ('NOT_STARTED', 'IN_PROGRESS');

-- Progress updates: appended, never changed.
create table improvement_action_update (
    update_id bigserial primary key,
    action_id bigint not null references improvement_action (action_id),
    written_at timestamptz not null,
    written_on date not null,
    author text not null,
    note text not null,
    status_from text not null,
    status_to text not null,
    reason text
);
create index improvement_action_update_action on improvement_action_update (action_id, written_on);

create table improvement_evidence (
    update_id bigint not null references improvement_action_update (update_id),
    position integer not null,
    kind text not null check (kind in ('AUDIT', 'MEASURE_RESULT', 'DOCUMENT')),
    ref text not null,
    primary key (update_id, position)
);

-- A risk of a RISK_ASSURANCE plan; its assessments are reviews, each a new row.
create table improvement_risk (
    risk_id bigserial primary key,
    plan_id bigint not null references improvement_plan (plan_id),
    risk_no integer not null,
    created_at timestamptz not null,
    created_by text not null,
    unique (plan_id, risk_no)
);

create table improvement_risk_review (
    review_id bigserial primary key,
    risk_id bigint not null references improvement_risk (risk_id),
    reviewed_on date not null,
    description text not null,
    owner text not null,
    likelihood integer not null check (likelihood between 1 and 5),
    impact integer not null check (impact between 1 and 5),
    controls text not null,
    review_date date not null,
    note text,
    recorded_at timestamptz not null,
    recorded_by text not null
);
create index improvement_risk_review_risk on improvement_risk_review (risk_id, reviewed_on);

create table improvement_risk_action (
    risk_id bigint not null references improvement_risk (risk_id),
    action_id bigint not null references improvement_action (action_id),
    primary key (risk_id, action_id)
);

-- Reminder emails: one per action and RAG it turned, across nodes.
create table improvement_notification (
    action_id bigint not null references improvement_action (action_id),
    rag text not null check (rag in ('AMBER', 'RED')),
    due_on date not null,
    sent_at timestamptz not null,
    primary key (action_id, rag, due_on)
);
